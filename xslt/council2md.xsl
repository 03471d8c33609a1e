<?xml version="1.0" encoding="UTF-8"?>
<!-- council2md.xsl - council XML (urn:councildoc:1) to GitHub Markdown, as
     cmark-gfm reads it with the table and footnotes extensions.

     "# Title", the header block as one paragraph per line, the lead-in box
     as "## Purpose" ..., sections as ATX headings "## 2.1 Title" (deeper
     than six levels stay at "######"), footnotes [^N] with their
     definitions at the end, pipe tables laid out on a grid (spans leave
     empty cells, a cell's blocks joined by <br>; an HTML table only when a
     table holds a table), "- " and "N. "
     lists indented to the parent's content column, **bold**, *italic*,
     [text](url), hard breaks as backslash-newline.  Markdown syntax in the
     text is backslash-escaped.  Internal links keep only their text and
     anchors are dropped (GitHub makes its own heading ids).

     XSLT 1.0 + EXSLT common.  Same output under xsltproc and libxslt. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:c="urn:councildoc:1"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="c exsl">

  <xsl:include href="common.xsl"/>
  <xsl:include href="list-start.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- 'yes': a YAML metadata block (pandoc style) before the title -->
  <xsl:param name="front-matter" select="'no'"/>

  <!-- U+E000 marks a hard line break until lines are made -->
  <xsl:variable name="m-br" select="'&#xE000;'"/>
  <xsl:variable name="m-punct"
      select="concat('!&quot;#$%&amp;', &quot;'&quot;, '()*+,-./:;&lt;=&gt;?@[\]^_`{|}~',
                     '“”‘’«»‹›„‚–—―‐‑…¡¿·•§¶†‡′″。，、：；！？（）「」『』【】《》〈〉・')"/>
  <xsl:variable name="m-spacelike" select="'&#xA0;&#x202F;&#x2007;&#x3000;&#x2009;&#x200A;'"/>

  <!-- ================================================================ document -->
  <xsl:template match="/">
    <xsl:apply-templates select="c:council"/>
  </xsl:template>

  <xsl:template match="c:council">
    <xsl:if test="$front-matter = 'yes'">
      <xsl:call-template name="m-yaml"/>
    </xsl:if>
    <xsl:if test="$cd-title != ''">
      <xsl:text># </xsl:text>
      <xsl:call-template name="m-esc"><xsl:with-param name="s" select="$cd-title"/></xsl:call-template>
      <xsl:text>&#10;&#10;</xsl:text>
    </xsl:if>
    <xsl:for-each select="$cd-meta-items">
      <xsl:variable name="line">
        <xsl:call-template name="cd-meta-line"><xsl:with-param name="e" select="."/></xsl:call-template>
      </xsl:variable>
      <xsl:variable name="esc">
        <xsl:call-template name="m-esc"><xsl:with-param name="s" select="string($line)"/></xsl:call-template>
      </xsl:variable>
      <xsl:call-template name="m-line-start"><xsl:with-param name="s" select="string($esc)"/></xsl:call-template>
      <xsl:text>&#10;&#10;</xsl:text>
    </xsl:for-each>
    <xsl:apply-templates select="c:summary"/>
    <xsl:call-template name="m-blocks">
      <xsl:with-param name="nodes" select="*[not(self::c:meta or self::c:summary)]"/>
    </xsl:call-template>
    <!-- footnote definitions -->
    <xsl:for-each select=".//c:note">
      <xsl:variable name="in-html">
        <xsl:for-each select="ancestor::c:table">
          <xsl:call-template name="m-table-kind"/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:if test="not(contains($in-html, 'html'))">
        <xsl:variable name="n"><xsl:call-template name="cd-note-index"/></xsl:variable>
        <xsl:variable name="body">
          <xsl:call-template name="m-blocks"><xsl:with-param name="nodes" select="*"/></xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="cd-indent">
          <xsl:with-param name="text" select="string($body)"/>
          <xsl:with-param name="first" select="concat('[^', $n, ']: ')"/>
          <xsl:with-param name="pad" select="'    '"/>
        </xsl:call-template>
        <xsl:if test="string($body) = ''"><xsl:value-of select="concat('[^', $n, ']: ')"/></xsl:if>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="m-yaml">
    <xsl:text>---&#10;</xsl:text>
    <xsl:for-each select="c:meta/*[normalize-space(.) != '']">
      <xsl:value-of select="local-name()"/>
      <xsl:text>: "</xsl:text>
      <xsl:call-template name="m-yaml-str"><xsl:with-param name="s" select="normalize-space(.)"/></xsl:call-template>
      <xsl:text>"&#10;</xsl:text>
      <xsl:if test="self::c:date and @when">
        <xsl:text>date-iso: "</xsl:text><xsl:value-of select="normalize-space(@when)"/><xsl:text>"&#10;</xsl:text>
      </xsl:if>
    </xsl:for-each>
    <xsl:if test="@xml:lang">
      <xsl:text>lang: "</xsl:text>
      <xsl:call-template name="m-yaml-str"><xsl:with-param name="s" select="normalize-space(@xml:lang)"/></xsl:call-template>
      <xsl:text>"&#10;</xsl:text>
    </xsl:if>
    <xsl:if test="@dir">
      <xsl:text>dir: "</xsl:text><xsl:value-of select="normalize-space(@dir)"/><xsl:text>"&#10;</xsl:text>
    </xsl:if>
    <xsl:text>---&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="m-yaml-str">
    <xsl:param name="s"/>
    <xsl:call-template name="cd-replace">
      <xsl:with-param name="text">
        <xsl:call-template name="cd-replace">
          <xsl:with-param name="text" select="$s"/>
          <xsl:with-param name="from" select="'\'"/>
          <xsl:with-param name="to" select="'\\'"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="from" select="'&quot;'"/>
      <xsl:with-param name="to" select="'\&quot;'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="c:summary">
    <xsl:for-each select="c:purpose | c:action | c:references">
      <xsl:text>## </xsl:text>
      <xsl:call-template name="cd-label"><xsl:with-param name="key" select="local-name()"/></xsl:call-template>
      <xsl:text>&#10;&#10;</xsl:text>
      <xsl:call-template name="m-blocks"><xsl:with-param name="nodes" select="*"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- sections and annexes: an ATX heading of their depth (+1: the title is #) -->
  <xsl:template match="c:section | c:annex" mode="m-block">
    <xsl:variable name="depth" select="count(ancestor-or-self::c:section | ancestor-or-self::c:annex) + 1"/>
    <xsl:value-of select="substring('######', 1, $depth)"/>
    <xsl:text> </xsl:text>
    <xsl:variable name="head">
      <xsl:call-template name="cd-num-prefix"/>
      <xsl:apply-templates select="c:title/node()" mode="m-inl"/>
    </xsl:variable>
    <xsl:value-of select="normalize-space(translate($head, $m-br, ' '))"/>
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:call-template name="m-blocks">
      <xsl:with-param name="nodes" select="*[not(self::c:title)]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- m-blocks: NODES rendered one after the other, blank line between;
       two lists of the same kind in a row are kept apart by a comment -->
  <xsl:template name="m-blocks">
    <xsl:param name="nodes"/>
    <xsl:for-each select="$nodes">
      <xsl:variable name="out">
        <xsl:apply-templates select="." mode="m-block"/>
      </xsl:variable>
      <xsl:if test="string($out) != ''">
        <xsl:if test="self::c:list and preceding-sibling::*[1][self::c:list]/@type = @type">
          <xsl:text>&lt;!-- --&gt;&#10;&#10;</xsl:text>
        </xsl:if>
        <xsl:call-template name="m-trim-nl"><xsl:with-param name="s" select="string($out)"/></xsl:call-template>
        <xsl:text>&#10;&#10;</xsl:text>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="m-trim-nl">
    <xsl:param name="s"/>
    <!-- up to two newlines per step: long blocks are copied less often -->
    <xsl:variable name="len" select="string-length($s)"/>
    <xsl:choose>
      <xsl:when test="substring($s, $len) != '&#10;'"><xsl:value-of select="$s"/></xsl:when>
      <xsl:when test="substring($s, $len - 1, 1) != '&#10;'"><xsl:value-of select="substring($s, 1, $len - 1)"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="m-trim-nl"><xsl:with-param name="s" select="substring($s, 1, $len - 2)"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ blocks -->
  <xsl:template match="c:p" mode="m-block">
    <xsl:variable name="text"><xsl:apply-templates mode="m-inl"/></xsl:variable>
    <xsl:call-template name="m-para"><xsl:with-param name="text" select="string($text)"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="c:figure" mode="m-block">
    <xsl:apply-templates select="." mode="m-inl"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- m-para: inline Markdown with U+E000 marks as paragraph lines; each
       line escaped at its start so that it cannot open a block -->
  <xsl:template name="m-para">
    <xsl:param name="text"/>
    <xsl:param name="first" select="true()"/>
    <xsl:variable name="seg">
      <xsl:choose>
        <xsl:when test="contains($text, $m-br)"><xsl:value-of select="normalize-space(substring-before($text, $m-br))"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space($text)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="rest" select="substring-after($text, $m-br)"/>
    <xsl:variable name="more" select="contains($text, $m-br) and normalize-space(translate($rest, $m-br, ' ')) != ''"/>
    <xsl:choose>
      <xsl:when test="$seg = '' and $more">
        <xsl:call-template name="m-para">
          <xsl:with-param name="text" select="$rest"/>
          <xsl:with-param name="first" select="$first"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$seg = ''"/>
      <xsl:otherwise>
        <xsl:call-template name="m-line-start"><xsl:with-param name="s" select="string($seg)"/></xsl:call-template>
        <xsl:choose>
          <xsl:when test="$more">
            <xsl:text>\&#10;</xsl:text>
            <xsl:call-template name="m-para">
              <xsl:with-param name="text" select="$rest"/>
              <xsl:with-param name="first" select="false()"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise><xsl:text>&#10;</xsl:text></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- m-line-start: S with its start escaped: "#", "+", "-", "=" and
       ordered-list markers ("1." "1)") cannot open a block -->
  <xsl:template name="m-line-start">
    <xsl:param name="s"/>
    <xsl:variable name="c1" select="substring($s, 1, 1)"/>
    <xsl:choose>
      <xsl:when test="$c1 = '+' or $c1 = '-' or $c1 = '=' or $c1 = '#'">
        <xsl:text>\</xsl:text><xsl:value-of select="$s"/>
      </xsl:when>
      <xsl:when test="contains('0123456789', $c1) and $c1 != ''">
        <xsl:variable name="lead">
          <xsl:call-template name="m-lead-digits"><xsl:with-param name="s" select="$s"/></xsl:call-template>
        </xsl:variable>
        <xsl:variable name="after" select="substring($s, $lead + 1, 1)"/>
        <xsl:choose>
          <xsl:when test="$lead &lt;= 9 and ($after = '.' or $after = ')')">
            <xsl:value-of select="substring($s, 1, $lead)"/>
            <xsl:text>\</xsl:text>
            <xsl:value-of select="substring($s, $lead + 1)"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="m-lead-digits">
    <xsl:param name="s"/>
    <xsl:param name="n" select="0"/>
    <xsl:choose>
      <xsl:when test="$n &lt; 12 and string-length(substring($s, $n + 1, 1)) = 1 and contains('0123456789', substring($s, $n + 1, 1))">
        <xsl:call-template name="m-lead-digits">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="n" select="$n + 1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$n"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Word comments (only with councildoc -\-comments): kept apart, at the end -->
  <xsl:template match="c:comments" mode="m-block">
    <xsl:text>## </xsl:text>
    <xsl:call-template name="cd-label"><xsl:with-param name="key" select="'comments'"/></xsl:call-template>
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:for-each select="c:comment">
      <xsl:text>**</xsl:text>
      <xsl:call-template name="m-esc"><xsl:with-param name="s" select="normalize-space(concat(@author, ' ', @date))"/></xsl:call-template>
      <xsl:text>:**&#10;&#10;</xsl:text>
      <xsl:call-template name="m-blocks"><xsl:with-param name="nodes" select="*"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="c:quote" mode="m-block">
    <xsl:variable name="body">
      <xsl:call-template name="m-blocks"><xsl:with-param name="nodes" select="*"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="trimmed">
      <xsl:call-template name="m-trim-nl"><xsl:with-param name="s" select="string($body)"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="q">
      <xsl:call-template name="cd-indent">
        <xsl:with-param name="text" select="string($trimmed)"/>
        <xsl:with-param name="pad" select="'> '"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="cd-replace">
      <xsl:with-param name="text" select="string($q)"/>
      <xsl:with-param name="from" select="'&#10;&#10;'"/>
      <xsl:with-param name="to" select="'&#10;&gt;&#10;'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- lists: "- " or "N. ", the item's blocks indented to its content column -->
  <xsl:template match="c:list" mode="m-block">
    <xsl:variable name="ordered" select="@type = 'ordered'"/>
    <xsl:variable name="start">
      <xsl:call-template name="cd-list-start"/>
    </xsl:variable>
    <xsl:for-each select="c:item">
      <xsl:variable name="mark">
        <xsl:choose>
          <xsl:when test="$ordered">
            <xsl:variable name="n" select="$start + position() - 1"/>
            <xsl:choose>
              <xsl:when test="$n &lt; 0">0</xsl:when>
              <xsl:otherwise><xsl:value-of select="$n"/></xsl:otherwise>
            </xsl:choose>
            <xsl:text>. </xsl:text>
          </xsl:when>
          <xsl:otherwise>- </xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="body">
        <xsl:for-each select="*">
          <xsl:variable name="out"><xsl:apply-templates select="." mode="m-block"/></xsl:variable>
          <xsl:if test="string($out) != ''">
            <!-- a blank line before a block, except a list that may interrupt a paragraph -->
            <xsl:variable name="st">
              <xsl:if test="self::c:list[@type = 'ordered']"><xsl:call-template name="cd-list-start"/></xsl:if>
            </xsl:variable>
            <xsl:if test="position() &gt; 1 and not(self::c:list and (@type = 'bullet' or $st = 1))">
              <xsl:text>&#10;</xsl:text>
            </xsl:if>
            <xsl:call-template name="m-trim-nl"><xsl:with-param name="s" select="string($out)"/></xsl:call-template>
            <xsl:text>&#10;</xsl:text>
          </xsl:if>
        </xsl:for-each>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="string($body) = ''">
          <xsl:value-of select="normalize-space($mark)"/><xsl:text>&#10;</xsl:text>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="cd-indent">
            <xsl:with-param name="text" select="string($body)"/>
            <xsl:with-param name="first" select="$mark"/>
            <xsl:with-param name="pad">
              <xsl:call-template name="cd-spaces"><xsl:with-param name="n" select="string-length($mark)"/></xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- ================================================================ tables -->
  <!-- m-table-kind: 'pipe' when nothing spans and every cell holds at most
       one paragraph (no note bodies with blocks), else 'html' -->
  <!-- m-table-kind: 'pipe' unless a cell holds a table (GFM cannot nest
       them) or a table with row spans is too long for the recursive grid -->
  <xsl:template name="m-table-kind">
    <xsl:choose>
      <xsl:when test="c:row/c:cell//c:table">html</xsl:when>
      <xsl:when test="c:row/c:cell[@rowspan &gt; 1] and count(c:row) &gt; 1000">html</xsl:when>
      <xsl:otherwise>pipe</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="c:table" mode="m-block">
    <xsl:variable name="kind"><xsl:call-template name="m-table-kind"/></xsl:variable>
    <xsl:variable name="outer">
      <xsl:for-each select="ancestor::c:table"><xsl:call-template name="m-table-kind"/></xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$kind = 'pipe' and not(contains($outer, 'html'))">
        <xsl:call-template name="m-pipe-table"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="." mode="m-html"/>
        <xsl:text>&#10;</xsl:text>
        <!-- notes in an HTML table: their texts follow the table -->
        <xsl:if test="not(contains($outer, 'html'))">
          <xsl:for-each select=".//c:note">
            <xsl:text>&#10;\[</xsl:text>
            <xsl:call-template name="cd-note-index"/>
            <xsl:text>\] </xsl:text>
            <xsl:variable name="t"><xsl:apply-templates select="*" mode="m-html-flat"/></xsl:variable>
            <xsl:call-template name="m-esc"><xsl:with-param name="s" select="normalize-space($t)"/></xsl:call-template>
            <xsl:text>&#10;</xsl:text>
          </xsl:for-each>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- m-pipe-table: a GFM pipe table (first row as header).  Spans are laid
       out on a grid so that every cell stays under its column: a cell
       spanning columns or rows is followed by / leaves empty cells.  Blocks
       of a cell are joined by <br> (lists keep their item labels). -->
  <xsl:template name="m-pipe-table">
    <xsl:variable name="lay-rtf">
      <xsl:choose>
        <xsl:when test="c:row/c:cell[@rowspan &gt; 1]">
          <xsl:call-template name="m-grid"><xsl:with-param name="rows" select="c:row"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="c:row">
            <l><xsl:call-template name="m-grid-row"><xsl:with-param name="cells" select="c:cell"/></xsl:call-template></l>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="lay" select="exsl:node-set($lay-rtf)/l"/>
    <xsl:variable name="ncol">
      <xsl:for-each select="$lay">
        <xsl:sort select="count(t)" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="count(t)"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="c:row">
      <xsl:variable name="row" select="."/>
      <xsl:variable name="p" select="position()"/>
      <xsl:text>|</xsl:text>
      <xsl:for-each select="$lay[$p]/t">
        <xsl:variable name="k" select="substring-before(., ':')"/>
        <xsl:variable name="v">
          <xsl:if test="$k != 'E' and $k != 'S'">
            <xsl:apply-templates select="$row/c:cell[number($k)]" mode="m-cell"/>
          </xsl:if>
        </xsl:variable>
        <xsl:text> </xsl:text>
        <xsl:value-of select="$v"/>
        <xsl:if test="$v != ''"><xsl:text> </xsl:text></xsl:if>
        <xsl:text>|</xsl:text>
      </xsl:for-each>
      <xsl:call-template name="m-pad-cells"><xsl:with-param name="n" select="$ncol - count($lay[$p]/t)"/></xsl:call-template>
      <xsl:text>&#10;</xsl:text>
      <xsl:if test="position() = 1">
        <xsl:text>|</xsl:text>
        <xsl:call-template name="m-delims"><xsl:with-param name="n" select="$ncol"/></xsl:call-template>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- m-grid: one <l> per row of ROWS, PEND being the previous row's layout
       (recursive: only used when a cell spans rows) -->
  <xsl:template name="m-grid">
    <xsl:param name="rows"/>
    <xsl:param name="pend" select="''"/>
    <xsl:if test="$rows">
      <xsl:variable name="l-rtf">
        <l><xsl:call-template name="m-grid-row">
          <xsl:with-param name="cells" select="$rows[1]/c:cell"/>
          <xsl:with-param name="pend" select="$pend"/>
        </xsl:call-template></l>
      </xsl:variable>
      <xsl:copy-of select="$l-rtf"/>
      <xsl:call-template name="m-grid">
        <xsl:with-param name="rows" select="$rows[position() &gt; 1]"/>
        <xsl:with-param name="pend" select="string($l-rtf)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- m-grid-row: the layout of one row as <t>K:N </t> per column, K the
       position of the cell starting there, S (covered by a column span)
       or E (covered by a row span from above), N how many rows below the
       column stays covered.  PEND: the rest of the previous row's layout. -->
  <xsl:template name="m-grid-row">
    <xsl:param name="cells"/>
    <xsl:param name="pend" select="''"/>
    <xsl:variable name="n" select="number(substring-after(substring-before($pend, ' '), ':'))"/>
    <xsl:choose>
      <!-- nothing pending and no spans: each cell its own column (what the
           recursion below gives, without a call per cell) -->
      <xsl:when test="$pend = '' and not($cells[@colspan &gt; 1 or @rowspan &gt; 1])">
        <xsl:for-each select="$cells">
          <t><xsl:value-of select="concat(count(preceding-sibling::c:cell) + 1, ':0 ')"/></t>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="$pend != '' and $n &gt; 0">
        <t><xsl:value-of select="concat('E:', $n - 1, ' ')"/></t>
        <xsl:call-template name="m-grid-row">
          <xsl:with-param name="cells" select="$cells"/>
          <xsl:with-param name="pend" select="substring-after($pend, ' ')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$cells">
        <xsl:variable name="c" select="$cells[1]"/>
        <xsl:variable name="cs">
          <xsl:choose>
            <xsl:when test="$c/@colspan &gt; 1 and $c/@colspan &lt; 64"><xsl:value-of select="floor($c/@colspan)"/></xsl:when>
            <xsl:otherwise>1</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="rs">
          <xsl:choose>
            <xsl:when test="$c/@rowspan &gt; 1"><xsl:value-of select="floor($c/@rowspan) - 1"/></xsl:when>
            <xsl:otherwise>0</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <t><xsl:value-of select="concat(count($c/preceding-sibling::c:cell) + 1, ':', $rs, ' ')"/></t>
        <xsl:call-template name="m-grid-span">
          <xsl:with-param name="n" select="$cs - 1"/>
          <xsl:with-param name="rs" select="$rs"/>
        </xsl:call-template>
        <xsl:call-template name="m-grid-row">
          <xsl:with-param name="cells" select="$cells[position() &gt; 1]"/>
          <xsl:with-param name="pend">
            <xsl:call-template name="m-grid-drop"><xsl:with-param name="s" select="$pend"/><xsl:with-param name="n" select="$cs"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$pend != ''">
        <t>E:0 </t>
        <xsl:call-template name="m-grid-row">
          <xsl:with-param name="cells" select="$cells"/>
          <xsl:with-param name="pend" select="substring-after($pend, ' ')"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="m-grid-span">
    <xsl:param name="n"/>
    <xsl:param name="rs"/>
    <xsl:if test="$n &gt; 0">
      <t><xsl:value-of select="concat('S:', $rs, ' ')"/></t>
      <xsl:call-template name="m-grid-span">
        <xsl:with-param name="n" select="$n - 1"/>
        <xsl:with-param name="rs" select="$rs"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
  <xsl:template name="m-grid-drop">
    <xsl:param name="s"/>
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$n &lt;= 0 or $s = ''"><xsl:value-of select="$s"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="m-grid-drop">
          <xsl:with-param name="s" select="substring-after($s, ' ')"/>
          <xsl:with-param name="n" select="$n - 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- m-cell: the blocks of a pipe-table cell on one line, joined by <br> -->
  <xsl:template match="c:cell" mode="m-cell">
    <xsl:variable name="t"><xsl:apply-templates select="*" mode="m-cell"/></xsl:variable>
    <xsl:variable name="n" select="normalize-space(translate($t, '&#9;&#10;&#13;', '   '))"/>
    <xsl:variable name="u">
      <xsl:call-template name="cd-replace">
        <xsl:with-param name="text" select="substring($n, 1 + starts-with($n, $m-br))"/>
        <xsl:with-param name="from" select="$m-br"/>
        <xsl:with-param name="to" select="' &lt;br&gt; '"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="normalize-space($u)"/>
  </xsl:template>
  <xsl:template match="c:p" mode="m-cell">
    <xsl:variable name="t"><xsl:apply-templates mode="m-inl"/></xsl:variable>
    <xsl:if test="normalize-space(translate($t, $m-br, ' ')) != ''">
      <xsl:value-of select="concat($m-br, $t)"/>
    </xsl:if>
  </xsl:template>
  <xsl:template match="c:figure" mode="m-cell">
    <xsl:value-of select="$m-br"/>
    <xsl:apply-templates select="." mode="m-inl"/>
  </xsl:template>
  <xsl:template match="c:list | c:quote" mode="m-cell">
    <xsl:apply-templates select="*" mode="m-cell"/>
  </xsl:template>
  <xsl:template match="c:item" mode="m-cell">
    <xsl:variable name="label"><xsl:call-template name="cd-item-label"/></xsl:variable>
    <xsl:variable name="t"><xsl:apply-templates select="*" mode="m-cell"/></xsl:variable>
    <xsl:variable name="n" select="normalize-space(translate($t, '&#9;&#10;&#13;', '   '))"/>
    <xsl:value-of select="$m-br"/>
    <xsl:call-template name="m-esc"><xsl:with-param name="s" select="string($label)"/></xsl:call-template>
    <xsl:text> </xsl:text>
    <xsl:value-of select="substring($n, 1 + starts-with($n, $m-br))"/>
  </xsl:template>
  <xsl:template match="c:*" mode="m-cell">
    <xsl:message terminate="yes">councildoc: unhandled element <xsl:value-of select="local-name()"/></xsl:message>
  </xsl:template>

  <xsl:template name="m-pad-cells">
    <xsl:param name="n"/>
    <xsl:if test="$n &gt; 0">
      <xsl:text>  |</xsl:text>
      <xsl:call-template name="m-pad-cells"><xsl:with-param name="n" select="$n - 1"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="m-delims">
    <xsl:param name="n"/>
    <xsl:if test="$n &gt; 0">
      <xsl:text>---|</xsl:text>
      <xsl:call-template name="m-delims"><xsl:with-param name="n" select="$n - 1"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================ HTML tables -->
  <xsl:template match="c:table" mode="m-html">
    <xsl:text>&lt;table&gt;&#10;</xsl:text>
    <xsl:for-each select="c:row">
      <xsl:text>&lt;tr&gt;</xsl:text>
      <xsl:for-each select="c:cell">
        <xsl:variable name="tag">
          <xsl:choose>
            <xsl:when test="../@header = 'true'">th</xsl:when>
            <xsl:otherwise>td</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:value-of select="concat('&lt;', $tag)"/>
        <xsl:if test="@colspan &gt; 1"> colspan="<xsl:value-of select="number(@colspan)"/>"</xsl:if>
        <xsl:if test="@rowspan &gt; 1"> rowspan="<xsl:value-of select="number(@rowspan)"/>"</xsl:if>
        <xsl:text>&gt;</xsl:text>
        <xsl:variable name="t"><xsl:apply-templates select="*" mode="m-html"/></xsl:variable>
        <xsl:value-of select="normalize-space($t)"/>
        <xsl:value-of select="concat('&lt;/', $tag, '&gt;')"/>
      </xsl:for-each>
      <xsl:text>&lt;/tr&gt;&#10;</xsl:text>
    </xsl:for-each>
    <xsl:text>&lt;/table&gt;</xsl:text>
  </xsl:template>

  <xsl:template match="c:p" mode="m-html">
    <xsl:text>&lt;p&gt;</xsl:text>
    <xsl:apply-templates mode="m-html"/>
    <xsl:text>&lt;/p&gt;</xsl:text>
  </xsl:template>
  <xsl:template match="c:quote" mode="m-html">
    <xsl:text>&lt;blockquote&gt;</xsl:text>
    <xsl:apply-templates mode="m-html"/>
    <xsl:text>&lt;/blockquote&gt;</xsl:text>
  </xsl:template>
  <xsl:template match="c:list" mode="m-html">
    <xsl:choose>
      <xsl:when test="@type = 'ordered'">
        <xsl:text>&lt;ol</xsl:text>
        <xsl:if test="@start and @start != 1"> start="<xsl:value-of select="number(@start)"/>"</xsl:if>
        <xsl:text>&gt;</xsl:text>
      </xsl:when>
      <xsl:otherwise>&lt;ul&gt;</xsl:otherwise>
    </xsl:choose>
    <xsl:for-each select="c:item">
      <xsl:text>&lt;li&gt;</xsl:text>
      <xsl:apply-templates select="*" mode="m-html"/>
      <xsl:text>&lt;/li&gt;</xsl:text>
    </xsl:for-each>
    <xsl:choose>
      <xsl:when test="@type = 'ordered'">&lt;/ol&gt;</xsl:when>
      <xsl:otherwise>&lt;/ul&gt;</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="text()" mode="m-html">
    <xsl:call-template name="m-html-esc"><xsl:with-param name="s" select="translate(., '&#9;&#10;&#13;', '   ')"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="c:b" mode="m-html">&lt;strong&gt;<xsl:apply-templates mode="m-html"/>&lt;/strong&gt;</xsl:template>
  <xsl:template match="c:i" mode="m-html">&lt;em&gt;<xsl:apply-templates mode="m-html"/>&lt;/em&gt;</xsl:template>
  <xsl:template match="c:u" mode="m-html">&lt;u&gt;<xsl:apply-templates mode="m-html"/>&lt;/u&gt;</xsl:template>
  <xsl:template match="c:sup" mode="m-html">&lt;sup&gt;<xsl:apply-templates mode="m-html"/>&lt;/sup&gt;</xsl:template>
  <xsl:template match="c:sub" mode="m-html">&lt;sub&gt;<xsl:apply-templates mode="m-html"/>&lt;/sub&gt;</xsl:template>
  <xsl:template match="c:code" mode="m-html">&lt;code&gt;<xsl:apply-templates mode="m-html"/>&lt;/code&gt;</xsl:template>
  <xsl:template match="c:span | c:ref | c:math" mode="m-html"><xsl:apply-templates mode="m-html"/></xsl:template>
  <xsl:template match="c:anchor" mode="m-html"/>
  <xsl:template match="c:br" mode="m-html">&lt;br&gt;</xsl:template>
  <xsl:template match="c:note" mode="m-html">&lt;sup&gt;[<xsl:call-template name="cd-note-index"/>]&lt;/sup&gt;</xsl:template>
  <xsl:template match="c:figure" mode="m-html">
    <xsl:text>&lt;img src="" alt="</xsl:text>
    <xsl:call-template name="m-html-esc"><xsl:with-param name="s" select="normalize-space(concat(@alt, substring(@title, 1 div (normalize-space(@alt) = ''))))"/></xsl:call-template>
    <xsl:text>"&gt;</xsl:text>
  </xsl:template>
  <xsl:template match="c:link" mode="m-html">
    <xsl:choose>
      <xsl:when test="normalize-space(@href) != ''">
        <xsl:text>&lt;a href="</xsl:text>
        <xsl:call-template name="m-html-esc"><xsl:with-param name="s" select="normalize-space(@href)"/></xsl:call-template>
        <xsl:text>"&gt;</xsl:text>
        <xsl:apply-templates mode="m-html"/>
        <xsl:if test="normalize-space(.) = ''">
          <xsl:call-template name="m-html-esc"><xsl:with-param name="s" select="normalize-space(@href)"/></xsl:call-template>
        </xsl:if>
        <xsl:text>&lt;/a&gt;</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="m-html"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- plain text of note bodies that follow an HTML table -->
  <xsl:template match="text()" mode="m-html-flat">
    <xsl:value-of select="translate(., '&#9;&#10;&#13;', '   ')"/>
  </xsl:template>
  <xsl:template match="c:*" mode="m-html-flat">
    <xsl:text> </xsl:text><xsl:apply-templates mode="m-html-flat"/><xsl:text> </xsl:text>
  </xsl:template>
  <xsl:template match="c:b | c:i | c:u | c:sup | c:sub | c:code | c:span | c:ref | c:math | c:link" mode="m-html-flat">
    <xsl:apply-templates mode="m-html-flat"/>
  </xsl:template>

  <xsl:template name="m-html-esc">
    <xsl:param name="s"/>
    <xsl:variable name="a">
      <xsl:call-template name="cd-replace">
        <xsl:with-param name="text" select="$s"/>
        <xsl:with-param name="from" select="'&amp;'"/>
        <xsl:with-param name="to" select="'&amp;amp;'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="b">
      <xsl:call-template name="cd-replace">
        <xsl:with-param name="text" select="string($a)"/>
        <xsl:with-param name="from" select="'&lt;'"/>
        <xsl:with-param name="to" select="'&amp;lt;'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="d">
      <xsl:call-template name="cd-replace">
        <xsl:with-param name="text" select="string($b)"/>
        <xsl:with-param name="from" select="'&gt;'"/>
        <xsl:with-param name="to" select="'&amp;gt;'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="cd-replace">
      <xsl:with-param name="text" select="string($d)"/>
      <xsl:with-param name="from" select="'&quot;'"/>
      <xsl:with-param name="to" select="'&amp;quot;'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ================================================================ inlines -->
  <xsl:template match="text()" mode="m-inl">
    <xsl:call-template name="m-esc">
      <xsl:with-param name="s" select="translate(., '&#9;&#10;&#13;', '   ')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="c:b" mode="m-inl">
    <xsl:call-template name="m-emph">
      <xsl:with-param name="delim" select="'**'"/>
      <xsl:with-param name="html" select="'strong'"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="c:i" mode="m-inl">
    <xsl:call-template name="m-emph">
      <xsl:with-param name="delim" select="'*'"/>
      <xsl:with-param name="html" select="'em'"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="c:u | c:span | c:ref | c:math" mode="m-inl">
    <xsl:apply-templates mode="m-inl"/>
  </xsl:template>
  <xsl:template match="c:sup" mode="m-inl">&lt;sup&gt;<xsl:apply-templates mode="m-inl"/>&lt;/sup&gt;</xsl:template>
  <xsl:template match="c:sub" mode="m-inl">&lt;sub&gt;<xsl:apply-templates mode="m-inl"/>&lt;/sub&gt;</xsl:template>
  <xsl:template match="c:anchor" mode="m-inl"/>
  <xsl:template match="c:br" mode="m-inl"><xsl:value-of select="$m-br"/></xsl:template>
  <xsl:template match="c:note" mode="m-inl">
    <xsl:text>[^</xsl:text><xsl:call-template name="cd-note-index"/><xsl:text>]</xsl:text>
  </xsl:template>
  <xsl:template match="c:figure" mode="m-inl">
    <xsl:text>![</xsl:text>
    <xsl:call-template name="m-esc"><xsl:with-param name="s" select="normalize-space(concat(@alt, substring(@title, 1 div (normalize-space(@alt) = ''))))"/></xsl:call-template>
    <xsl:text>]()</xsl:text>
  </xsl:template>

  <xsl:template match="c:code" mode="m-inl">
    <xsl:variable name="t" select="normalize-space(translate(., '&#9;&#10;&#13;', '   '))"/>
    <xsl:choose>
      <xsl:when test="$t = ''"><xsl:value-of select="."/></xsl:when>
      <xsl:when test="contains($t, '`')"><xsl:value-of select="concat('`` ', $t, ' ``')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('`', $t, '`')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="c:link" mode="m-inl">
    <xsl:variable name="href" select="normalize-space(@href)"/>
    <xsl:variable name="text"><xsl:apply-templates mode="m-inl"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$href = ''"><xsl:value-of select="$text"/></xsl:when>
      <xsl:otherwise>
        <xsl:text>[</xsl:text>
        <xsl:choose>
          <xsl:when test="normalize-space($text) != ''"><xsl:value-of select="$text"/></xsl:when>
          <xsl:otherwise><xsl:call-template name="m-esc"><xsl:with-param name="s" select="$href"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
        <xsl:text>](</xsl:text>
        <xsl:call-template name="m-url"><xsl:with-param name="u" select="$href"/></xsl:call-template>
        <xsl:text>)</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- m-url: a link destination with spaces, parentheses, angle brackets
       and backslashes percent-encoded -->
  <xsl:template name="m-url">
    <xsl:param name="u"/>
    <xsl:param name="i" select="1"/>
    <xsl:variable name="from" select="substring(' ()&lt;&gt;\', $i, 1)"/>
    <xsl:choose>
      <xsl:when test="$i &gt; 6"><xsl:value-of select="$u"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="m-url">
          <xsl:with-param name="u">
            <xsl:call-template name="cd-replace">
              <xsl:with-param name="text" select="$u"/>
              <xsl:with-param name="from" select="$from"/>
              <xsl:with-param name="to" select="substring('%20%28%29%3C%3E%5C', 3 * $i - 2, 3)"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="i" select="$i + 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- m-emph: the current element's content between DELIM, leading and
       trailing spaces moved outside; HTML tags when the delimiters could
       not open/close (punctuation against a letter, space-like edges,
       another emphasis right next to it) -->
  <xsl:template name="m-emph">
    <xsl:param name="delim"/>
    <xsl:param name="html"/>
    <xsl:variable name="raw"><xsl:apply-templates mode="m-inl"/></xsl:variable>
    <xsl:variable name="core" select="normalize-space($raw)"/>
    <xsl:choose>
      <xsl:when test="$core = '' or translate($core, $m-br, '') = ''"><xsl:value-of select="$raw"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="lead" select="starts-with(translate($raw, '&#9;&#10;', '  '), ' ')"/>
        <xsl:variable name="trail" select="substring(translate($raw, '&#9;&#10;', '  '), string-length($raw)) = ' '"/>
        <xsl:variable name="first" select="substring($core, 1, 1)"/>
        <xsl:variable name="last" select="substring($core, string-length($core))"/>
        <xsl:variable name="prev" select="preceding-sibling::node()[1]"/>
        <xsl:variable name="next" select="following-sibling::node()[1]"/>
        <xsl:variable name="prevch" select="substring($prev, string-length($prev))"/>
        <xsl:variable name="nextch" select="substring($next, 1, 1)"/>
        <xsl:variable name="bad-open" select="not($lead) and contains($m-punct, $first) and $prev[self::text()]
            and $prevch != '' and $prevch != ' ' and not(contains($m-punct, $prevch)) and not(contains($m-spacelike, $prevch))"/>
        <xsl:variable name="bad-close" select="not($trail) and contains($m-punct, $last) and $next[self::text()]
            and $nextch != '' and $nextch != ' ' and not(contains($m-punct, $nextch)) and not(contains($m-spacelike, $nextch))"/>
        <xsl:variable name="bad-edge" select="contains($m-spacelike, $first) or contains($m-spacelike, $last)
            or $first = $m-br or $last = $m-br"/>
        <xsl:variable name="bad-neighbour" select="(not($lead) and $prev[self::c:b or self::c:i])
            or (not($trail) and $next[self::c:b or self::c:i])
            or (self::c:b and ancestor::c:b) or (self::c:i and ancestor::c:i)"/>
        <xsl:if test="$lead"><xsl:text> </xsl:text></xsl:if>
        <xsl:choose>
          <xsl:when test="$bad-open or $bad-close or $bad-edge or $bad-neighbour">
            <xsl:value-of select="concat('&lt;', $html, '&gt;', $core, '&lt;/', $html, '&gt;')"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="concat($delim, $core, $delim)"/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$trail"><xsl:text> </xsl:text></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- m-esc: backslash-escape the Markdown punctuation of S -->
  <xsl:template name="m-esc">
    <xsl:param name="s"/>
    <xsl:param name="i" select="1"/>
    <xsl:variable name="chars" select="'\`*_[]&lt;&gt;|~&amp;#'"/>
    <xsl:choose>
      <xsl:when test="$i &gt; string-length($chars) or translate($s, $chars, '') = $s">
        <xsl:value-of select="$s"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="ch" select="substring($chars, $i, 1)"/>
        <xsl:call-template name="m-esc">
          <xsl:with-param name="s">
            <xsl:call-template name="cd-replace">
              <xsl:with-param name="text" select="$s"/>
              <xsl:with-param name="from" select="$ch"/>
              <xsl:with-param name="to" select="concat('\', $ch)"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="i" select="$i + 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ catch-all -->
  <xsl:template match="c:*" mode="m-block">
    <xsl:message terminate="yes">councildoc: unhandled element <xsl:value-of select="local-name()"/></xsl:message>
  </xsl:template>
  <xsl:template match="c:*" mode="m-inl">
    <xsl:message terminate="yes">councildoc: unhandled element <xsl:value-of select="local-name()"/></xsl:message>
  </xsl:template>
  <xsl:template match="c:*" mode="m-html">
    <xsl:message terminate="yes">councildoc: unhandled element <xsl:value-of select="local-name()"/></xsl:message>
  </xsl:template>
  <xsl:template match="c:*">
    <xsl:message terminate="yes">councildoc: unhandled element <xsl:value-of select="local-name()"/></xsl:message>
  </xsl:template>
</xsl:stylesheet>
