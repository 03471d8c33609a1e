<?xml version="1.0" encoding="UTF-8"?>
<!-- md-tables.xsl - the tables of council2md.xsl (included by it): GFM pipe
     tables laid out on a grid (row and column spans leave empty cells, a
     cell's blocks joined by <br>) and, when a table holds a table, an HTML
     <table> with the inline HTML for its cells.

     XSLT 1.0 + EXSLT common.  Uses m-br, m-esc, m-para and the other
     templates of council2md.xsl. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:c="urn:councildoc:1"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="c exsl">

  <!-- ================================================================ tables -->
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
      <xsl:if test="../@type = 'term'">
        <xsl:call-template name="m-html-esc"><xsl:with-param name="s" select="normalize-space(@label)"/></xsl:call-template>
        <xsl:text> </xsl:text>
      </xsl:if>
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
  <xsl:template match="c:ins | c:del" mode="m-html">
    <xsl:call-template name="m-rev-tag"/>
    <xsl:apply-templates mode="m-html"/>
    <xsl:value-of select="concat('&lt;/', local-name(), '&gt;')"/>
  </xsl:template>
  <xsl:template match="c:ins | c:del" mode="m-html-flat"><xsl:apply-templates mode="m-html-flat"/></xsl:template>
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
</xsl:stylesheet>
