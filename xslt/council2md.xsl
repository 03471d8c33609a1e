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
     text is backslash-escaped (not an underscore between two ASCII letters
     or digits, which GFM never reads as emphasis: "Table_id").  Internal links keep only their text and
     anchors are dropped (GitHub makes its own heading ids).

     This file holds the document, sections and blocks; the tables are in
     md-tables.xsl, the inlines and escaping in md-inline.xsl (both
     xsl:included, as are common.xsl and list-start.xsl).

     XSLT 1.0 + EXSLT common.  Same output under xsltproc and libxslt. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:c="urn:councildoc:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:cdx="urn:councildoc:ext"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="c exsl cdx">

  <xsl:include href="common.xsl"/>
  <xsl:include href="list-start.xsl"/>
  <xsl:include href="md-tables.xsl"/>
  <xsl:include href="table-grid.xsl"/>
  <xsl:include href="md-inline.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- 'yes': a YAML metadata block (pandoc style) before the title -->
  <xsl:param name="front-matter" select="'no'"/>
  <!-- toc = yes: a "Contents" list linking to the sections, whose headings
       then carry their id as an anchor -->
  <xsl:param name="toc" select="'no'"/>

  <!-- U+E000 marks a hard line break until lines are made -->
  <xsl:variable name="m-br" select="'&#xE000;'"/>

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
    <xsl:if test="$toc = 'yes' and (c:section | c:annex)">
      <xsl:text>## </xsl:text>
      <xsl:call-template name="cd-label"><xsl:with-param name="key" select="'contents'"/></xsl:call-template>
      <xsl:text>&#10;&#10;</xsl:text>
      <xsl:apply-templates select="c:section | c:annex" mode="m-toc"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
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
        <!-- a text node of its own, as in m-blocks -->
        <xsl:text disable-output-escaping="yes">&#10;</xsl:text>
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
    <xsl:if test="$toc = 'yes'">
      <xsl:value-of select="concat('&lt;a id=&quot;', @id, '&quot;&gt;&lt;/a&gt;')"/>
    </xsl:if>
    <xsl:choose>
      <!-- a title of one text node without a break mark: its number and
           cdx:md-text of the text, from strings without a temporary tree
           (a space normalize-space drops when there is no number) -->
      <xsl:when test="$cd-ext and not(c:title[2]) and count(c:title/node()) = 1 and c:title/text()
                      and not(contains(c:title, $m-br) or contains(@num, $m-br))">
        <xsl:value-of select="normalize-space(concat(normalize-space(self::c:section/@num), ' ',
                                                     cdx:md-text(c:title/text())))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="head">
          <xsl:call-template name="cd-num-prefix"/>
          <xsl:apply-templates select="c:title/node()" mode="m-inl"/>
        </xsl:variable>
        <!-- (translate() only when there is a break mark: it appends its
             result one character at a time) -->
        <xsl:choose>
          <xsl:when test="contains($head, $m-br)"><xsl:value-of select="normalize-space(translate($head, $m-br, ' '))"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space($head)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:call-template name="m-blocks">
      <xsl:with-param name="nodes" select="*[not(self::c:title)]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- m-toc: the table of contents, one link per section (number and
       title as plain text, notes left out), nested by depth -->
  <xsl:template match="c:section | c:annex" mode="m-toc">
    <xsl:param name="ind" select="''"/>
    <xsl:variable name="title">
      <xsl:call-template name="cd-num-prefix"/>
      <xsl:for-each select="c:title//text()[not(ancestor::c:note)] | c:title//c:br">
        <xsl:value-of select="concat(self::text(), substring(' ', 1, count(self::c:br)))"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="$ind"/>
    <xsl:text>- [</xsl:text>
    <xsl:call-template name="m-esc">
      <xsl:with-param name="s" select="normalize-space(translate($title, '&#9;&#10;&#13;', '   '))"/>
    </xsl:call-template>
    <xsl:value-of select="concat('](#', @id, ')&#10;')"/>
    <xsl:apply-templates select="c:section" mode="m-toc">
      <xsl:with-param name="ind" select="concat($ind, '  ')"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- m-blocks: NODES rendered one after the other, blank line between;
       two lists of the same kind in a row are kept apart by a comment.
       The blank line is written with disable-output-escaping, which the
       text output method ignores: it starts a text node of its own, so
       each block is appended to a short text node instead of the whole
       output so far (libxslt copies the node it appends to whenever a
       temporary tree was written in between: quadratic time otherwise) -->
  <xsl:template name="m-blocks">
    <xsl:param name="nodes"/>
    <xsl:for-each select="$nodes">
      <xsl:choose>
        <!-- a paragraph of plain text without breaks: cdx:md-line writes it
             as the general path below would -->
        <xsl:when test="$cd-ext and self::c:p and not(*) and not(contains(., $m-br)) and not(contains(@num, $m-br))">
          <xsl:variable name="line" select="cdx:md-line(@num, .)"/>
          <xsl:if test="$line != ''">
            <xsl:value-of select="$line"/>
            <xsl:text disable-output-escaping="yes">&#10;&#10;</xsl:text>
          </xsl:if>
        </xsl:when>
        <!-- a paragraph of plain text with nothing to escape or break:
             what the general path below writes, without its temporary trees -->
        <xsl:when test="self::c:p and not(*) and translate(., $m-plain-no, '') = . and not(contains(@num, $m-br))">
          <!-- (a blank or missing @num leaves no space: normalize-space) -->
          <xsl:variable name="seg" select="normalize-space(concat(@num, ' ', .))"/>
          <xsl:if test="$seg != ''">
            <xsl:call-template name="m-plain-line"><xsl:with-param name="s" select="$seg"/></xsl:call-template>
            <xsl:text disable-output-escaping="yes">&#10;&#10;</xsl:text>
          </xsl:if>
        </xsl:when>
        <!-- a section or annex: its heading and blocks end in one blank
             line after text, so the general path below, which trims its
             newlines and adds a blank line, would only copy it -->
        <xsl:when test="self::c:section or self::c:annex">
          <xsl:apply-templates select="." mode="m-block"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="out">
            <xsl:apply-templates select="." mode="m-block"/>
          </xsl:variable>
          <xsl:if test="string($out) != ''">
            <xsl:if test="self::c:list and preceding-sibling::*[1][self::c:list]/@type = @type">
              <xsl:text>&lt;!-- --&gt;&#10;&#10;</xsl:text>
            </xsl:if>
            <xsl:choose>
              <xsl:when test="$cd-ext"><xsl:value-of select="cdx:trim-nl($out)"/></xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="m-trim-nl"><xsl:with-param name="s" select="string($out)"/></xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:text disable-output-escaping="yes">&#10;&#10;</xsl:text>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="m-trim-nl">
    <xsl:param name="s"/>
    <!-- up to two newlines per step: long blocks are copied less often -->
    <xsl:variable name="len" select="string-length($s)"/>
    <xsl:choose>
      <xsl:when test="$cd-ext"><xsl:value-of select="cdx:trim-nl($s)"/></xsl:when>
      <xsl:when test="substring($s, $len) != '&#10;'"><xsl:value-of select="$s"/></xsl:when>
      <xsl:when test="substring($s, $len - 1, 1) != '&#10;'"><xsl:value-of select="substring($s, 1, $len - 1)"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="m-trim-nl"><xsl:with-param name="s" select="substring($s, 1, $len - 2)"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ blocks -->
  <xsl:template match="c:p" mode="m-block">
    <xsl:variable name="text">
      <!-- a numbered paragraph starts with its number -->
      <xsl:if test="normalize-space(@num) != ''"><xsl:value-of select="concat(normalize-space(@num), ' ')"/></xsl:if>
      <xsl:apply-templates mode="m-inl"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$cd-ext"><xsl:value-of select="cdx:md-para($text)"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="m-para"><xsl:with-param name="text" select="string($text)"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a figure: the image (its alt text when no file was written), then
       its caption and its description (drawn labels, chart data) as blocks -->
  <xsl:template match="c:figure" mode="m-block">
    <xsl:apply-templates select="." mode="m-inl"/>
    <xsl:text>&#10;</xsl:text>
    <xsl:if test="c:caption">
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates select="c:caption" mode="m-caption"/>
    </xsl:if>
    <xsl:if test="c:desc/*">
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="m-blocks"><xsl:with-param name="nodes" select="c:desc/*"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- a table's or figure's caption: a paragraph of its own -->
  <xsl:template match="c:caption" mode="m-caption">
    <xsl:variable name="text"><xsl:apply-templates mode="m-inl"/></xsl:variable>
    <xsl:call-template name="m-para"><xsl:with-param name="text" select="string($text)"/></xsl:call-template>
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

  <!-- lists. GFM can only count with digits: a bullet list is "- ", an
       ordered list whose labels are plain numbers counting up from its
       start with one delimiter ("1." or "1)") is a GFM ordered list keeping
       that delimiter; a list lettered or numbered in roman ("a)", "(iv)")
       stays a GFM ordered list ("1.") with Word's label as the first text
       of each item ("1. a) ..."), so it keeps both its list structure and
       the labels Word shows; any other list ("1bis", "1.1", terms) is
       written with its labels as text (m-text-list). -->
  <xsl:template match="c:list" mode="m-block">
    <!-- (a list that is not ordered uses neither) -->
    <xsl:variable name="start">
      <xsl:if test="@type = 'ordered'"><xsl:call-template name="cd-list-start"/></xsl:if>
    </xsl:variable>
    <xsl:variable name="delim">
      <xsl:if test="@type = 'ordered'"><xsl:call-template name="m-list-delim"/></xsl:if>
    </xsl:variable>
    <xsl:variable name="kind">
      <xsl:call-template name="m-list-kind">
        <xsl:with-param name="start" select="$start"/>
        <xsl:with-param name="delim" select="$delim"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$kind = 'text'">
        <xsl:call-template name="m-text-list"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="m-gfm-list">
          <xsl:with-param name="start" select="$start"/>
          <!-- a lettered list counts "1." and shows Word's labels as text -->
          <xsl:with-param name="delim">
            <xsl:choose>
              <xsl:when test="$kind = 'lettered'">.</xsl:when>
              <xsl:otherwise><xsl:value-of select="$delim"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="labelled" select="$kind = 'lettered'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- m-list-delim: ")" when the list's first label ends with one, else "." -->
  <xsl:template name="m-list-delim">
    <xsl:variable name="l1" select="normalize-space(c:item[1]/@label)"/>
    <xsl:choose>
      <xsl:when test="substring($l1, string-length($l1)) = ')'">)</xsl:when>
      <xsl:otherwise>.</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- m-list-kind: how the list is written: 'text' (labels as text),
       'lettered' or 'gfm' (a GFM list); START and DELIM (cd-list-start,
       m-list-delim) matter only to an ordered list -->
  <xsl:template name="m-list-kind">
    <xsl:param name="start">
      <xsl:if test="@type = 'ordered'"><xsl:call-template name="cd-list-start"/></xsl:if>
    </xsl:param>
    <xsl:param name="delim">
      <xsl:if test="@type = 'ordered'"><xsl:call-template name="m-list-delim"/></xsl:if>
    </xsl:param>
    <xsl:choose>
      <xsl:when test="@type = 'term'">text</xsl:when>
      <xsl:when test="not(@type = 'ordered')">gfm</xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="m-list-kind-ordered">
          <xsl:with-param name="start" select="$start"/>
          <xsl:with-param name="delim" select="$delim"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="m-list-kind-ordered">
    <xsl:param name="start"/>
    <xsl:param name="delim"/>
    <xsl:variable name="odd">
      <xsl:for-each select="c:item[normalize-space(@label) != '']">
        <xsl:variable name="n" select="$start + count(preceding-sibling::c:item)"/>
        <xsl:if test="normalize-space(@label) != concat($n, $delim) or $n &gt; 999999999">x</xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$odd != '' and $start &gt;= 0
                      and (@style = 'lower-alpha' or @style = 'upper-alpha'
                           or @style = 'lower-roman' or @style = 'upper-roman')">
        <!-- labels that are a letter or roman numeral in punctuation ("a)",
             "(iv)", "B."): nothing but the sequence of an alphabetic style -->
        <xsl:variable name="alpha">
          <xsl:for-each select="c:item">
            <xsl:variable name="l" select="normalize-space(@label)"/>
            <xsl:variable name="core" select="translate($l, '().', '')"/>
            <xsl:variable name="last" select="substring($l, string-length($l))"/>
            <xsl:if test="$core = '' or string-length($core) &gt; 4
                          or translate($core, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', '') != ''
                          or ($last != ')' and $last != '.')">x</xsl:if>
          </xsl:for-each>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="$alpha = ''">lettered</xsl:when>
          <xsl:otherwise>text</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$odd != '' or $start &lt; 0">text</xsl:when>
      <xsl:otherwise>gfm</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- m-text-list: each item a paragraph opening with its label as text
       (a term and its definition apart: a tab between them); the item's
       other blocks follow it -->
  <xsl:template name="m-text-list">
    <xsl:variable name="term" select="@type = 'term'"/>
    <xsl:for-each select="c:item">
      <xsl:variable name="label">
        <xsl:call-template name="cd-item-label"/>
      </xsl:variable>
      <xsl:variable name="esc">
        <xsl:call-template name="m-esc"><xsl:with-param name="s" select="string($label)"/></xsl:call-template>
      </xsl:variable>
      <!-- only a label that would be a list marker ("7." "7)") is escaped
           at the line start; "1.a)" and "2.1.1" cannot open a block -->
      <xsl:variable name="lab">
        <xsl:choose>
          <xsl:when test="contains('0123456789', substring($esc, 1, 1))">
            <xsl:variable name="punct" select="translate($esc, '0123456789', '')"/>
            <xsl:choose>
              <xsl:when test="($punct = '.' or $punct = ')') and substring($esc, string-length($esc)) = $punct">
                <xsl:value-of select="concat(substring($esc, 1, string-length($esc) - 1), '\', $punct)"/>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="$esc"/></xsl:otherwise>
            </xsl:choose>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="m-line-start"><xsl:with-param name="s" select="string($esc)"/></xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="sep">
        <xsl:choose>
          <xsl:when test="$term"><xsl:text>&#9;</xsl:text></xsl:when>
          <xsl:otherwise><xsl:text> </xsl:text></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="text">
        <xsl:if test="*[1][self::c:p]"><xsl:apply-templates select="*[1]/node()" mode="m-inl"/></xsl:if>
      </xsl:variable>
      <xsl:value-of select="$lab"/>
      <xsl:choose>
        <!-- (translate() only when there is a break to read as a space:
             it appends its result one character at a time) -->
        <xsl:when test="normalize-space($text) != ''
                        and (not(contains($text, $m-br)) or normalize-space(translate($text, $m-br, ' ')) != '')">
          <xsl:value-of select="$sep"/>
          <xsl:call-template name="m-para"><xsl:with-param name="text" select="string($text)"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:text>&#10;</xsl:text></xsl:otherwise>
      </xsl:choose>
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="m-blocks">
        <xsl:with-param name="nodes" select="*[position() &gt; 1 or not(self::c:p)]"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- m-gfm-list: "- " or "N. " / "N) ", the item's blocks indented to
       its content column -->
  <xsl:template name="m-gfm-list">
    <xsl:param name="start"/>
    <xsl:param name="delim" select="'.'"/>
    <xsl:param name="labelled" select="false()"/>
    <xsl:variable name="ordered" select="@type = 'ordered'"/>
    <xsl:for-each select="c:item">
      <xsl:variable name="marker">
        <xsl:choose>
          <xsl:when test="$ordered">
            <xsl:value-of select="$start + position() - 1"/>
            <xsl:value-of select="$delim"/>
            <xsl:text> </xsl:text>
          </xsl:when>
          <xsl:otherwise>- </xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <!-- in a lettered list the item's own label follows the marker -->
      <xsl:variable name="mark">
        <xsl:value-of select="$marker"/>
        <xsl:if test="$labelled and normalize-space(@label) != ''">
          <xsl:call-template name="m-esc"><xsl:with-param name="s" select="concat(normalize-space(@label), ' ')"/></xsl:call-template>
        </xsl:if>
      </xsl:variable>
      <xsl:variable name="body">
        <xsl:for-each select="*">
          <xsl:variable name="out"><xsl:apply-templates select="." mode="m-block"/></xsl:variable>
          <xsl:if test="string($out) != ''">
            <!-- a blank line before a block, except a list that may interrupt a paragraph -->
            <xsl:choose>
              <xsl:when test="position() = 1"/>
              <xsl:when test="self::c:list">
                <xsl:variable name="st">
                  <xsl:if test="@type = 'ordered'"><xsl:call-template name="cd-list-start"/></xsl:if>
                </xsl:variable>
                <xsl:variable name="lk">
                  <xsl:call-template name="m-list-kind"><xsl:with-param name="start" select="$st"/></xsl:call-template>
                </xsl:variable>
                <xsl:if test="not(($lk = 'gfm' or $lk = 'lettered') and (@type = 'bullet' or $st = 1))">
                  <xsl:text>&#10;</xsl:text>
                </xsl:if>
              </xsl:when>
              <xsl:otherwise><xsl:text>&#10;</xsl:text></xsl:otherwise>
            </xsl:choose>
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
              <xsl:call-template name="cd-spaces"><xsl:with-param name="n" select="string-length($marker)"/></xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
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
