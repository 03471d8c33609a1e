<?xml version="1.0" encoding="UTF-8"?>
<!-- council2txt.xsl - council XML (urn:councildoc:1) to accessible plain text.

     One paragraph per line (or wrapped at $wrap columns, East Asian wide
     characters counting 2), blank lines between blocks, headings on their
     own line ("2.1 Title"), lists with "•" / "1." / the item's label,
     tables linearised row by row with the header names, footnote
     references as "[1]" and their texts under "Notes" at the end of the
     document ($notes = 'end') or of each top-level section ('section').
     Right-to-left paragraphs holding left-to-right runs are wrapped in
     U+2067 RLI ... U+2069 PDI.

     This file holds the document, notes, blocks and inlines; the tables
     are in txt-tables.xsl, line cutting and wrapping in txt-wrap.xsl (both
     xsl:included, as is common.xsl).

     XSLT 1.0 + EXSLT (exsl:node-set, str:encode-uri for character widths).
     Works the same under xsltproc and libxslt in-process. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:c="urn:councildoc:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:cdx="urn:councildoc:ext"
    xmlns:str="http://exslt.org/strings"
    extension-element-prefixes="exsl str"
    exclude-result-prefixes="c exsl str cdx">

  <xsl:include href="common.xsl"/>
  <xsl:include href="txt-tables.xsl"/>
  <xsl:include href="table-grid.xsl"/>
  <xsl:include href="txt-wrap.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- 'end' | 'section': where the footnote texts go -->
  <xsl:param name="notes" select="'end'"/>
  <!-- '0' = no wrapping, else the line width in columns -->
  <xsl:param name="wrap" select="'0'"/>

  <xsl:variable name="t-width">
    <xsl:choose>
      <xsl:when test="string(number($wrap)) != 'NaN' and number($wrap) &gt; 0">
        <xsl:value-of select="floor(number($wrap))"/>
      </xsl:when>
      <xsl:otherwise>0</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="t-per-section" select="$notes = 'section'"/>
  <!-- lines are neither wrapped nor isolated: a paragraph of plain text
       is one line as it is (t-blocks) -->
  <xsl:variable name="t-plain" select="$t-width = 0 and not($cd-any-rtl)"/>

  <!-- tables: 'once' = the header row as a line of its own, data rows as
       cells joined by "; "; 'repeat' = each data cell prefixed with its
       column's header ("Year: 2022; Income: 12.3") -->
  <xsl:param name="table-headers" select="'once'"/>

  <!-- U+E000 marks a line break (c:br) inside a paragraph until lines are cut -->
  <xsl:variable name="t-br" select="'&#xE000;'"/>

  <!-- ================================================================ document -->
  <xsl:template match="/">
    <xsl:apply-templates select="c:council"/>
  </xsl:template>

  <xsl:template match="c:council">
    <xsl:variable name="root" select="."/>
    <xsl:if test="$cd-title != ''">
      <xsl:call-template name="t-lines">
        <xsl:with-param name="text" select="$cd-title"/>
        <xsl:with-param name="ctx" select="c:meta/c:title"/>
      </xsl:call-template>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
    <xsl:if test="$cd-meta-items">
      <xsl:for-each select="$cd-meta-items">
        <xsl:variable name="line">
          <xsl:call-template name="cd-meta-line"><xsl:with-param name="e" select="."/></xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="t-lines">
          <xsl:with-param name="text" select="string($line)"/>
          <xsl:with-param name="ctx" select="."/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
    <xsl:apply-templates select="c:summary"/>
    <xsl:call-template name="t-blocks">
      <xsl:with-param name="nodes" select="*[not(self::c:meta or self::c:summary)]"/>
      <xsl:with-param name="sep" select="'&#10;'"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="$t-per-section">
        <!-- notes outside top-level sections and annexes -->
        <xsl:call-template name="t-notes">
          <xsl:with-param name="ns" select="(c:summary | c:p | c:list | c:table | c:quote)//c:note[not(ancestor::c:note)]"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="t-notes">
          <xsl:with-param name="ns" select=".//c:note[not(ancestor::c:note)]"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="c:summary">
    <xsl:for-each select="c:purpose | c:action | c:references">
      <xsl:variable name="label">
        <xsl:call-template name="cd-label"><xsl:with-param name="key" select="local-name()"/></xsl:call-template>
      </xsl:variable>
      <xsl:call-template name="t-lines">
        <xsl:with-param name="text" select="string($label)"/>
      </xsl:call-template>
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="t-blocks">
        <xsl:with-param name="nodes" select="*"/>
        <xsl:with-param name="sep" select="'&#10;'"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- sections and annexes: heading line, blank line, content -->
  <xsl:template match="c:section | c:annex" mode="t-block">
    <xsl:choose>
      <!-- a title of text only: its number and text as below, from
           strings without a temporary tree (a space the lines drop when
           there is no number) -->
      <xsl:when test="not(c:title/* or c:title[2])">
        <xsl:call-template name="t-lines">
          <!-- (tabs and line ends need no translate(): t-lines
               normalizes the spaces of each line) -->
          <xsl:with-param name="text" select="concat(normalize-space(self::c:section/@num), ' ', c:title)"/>
          <xsl:with-param name="ctx" select="c:title"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="head">
          <xsl:call-template name="cd-num-prefix"/>
          <xsl:apply-templates select="c:title/node()" mode="t-inl"/>
        </xsl:variable>
        <xsl:call-template name="t-lines">
          <xsl:with-param name="text" select="string($head)"/>
          <xsl:with-param name="ctx" select="c:title"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>&#10;</xsl:text>
    <xsl:call-template name="t-blocks">
      <xsl:with-param name="nodes" select="*[not(self::c:title)]"/>
      <xsl:with-param name="sep" select="'&#10;'"/>
    </xsl:call-template>
    <xsl:if test="$t-per-section and parent::c:council">
      <xsl:call-template name="t-notes">
        <xsl:with-param name="ns" select=".//c:note[not(ancestor::c:note)]"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- t-blocks: render NODES in order; SEP after each non-empty one.
       The newline and SEP are written with disable-output-escaping, which
       the text output method ignores: they start a text node of their
       own, so each block is appended to a short text node instead of the
       whole output so far (libxslt copies the node it appends to whenever
       a temporary tree was written in between: quadratic time otherwise) -->
  <xsl:template name="t-blocks">
    <xsl:param name="nodes"/>
    <xsl:param name="ind" select="0"/>
    <xsl:param name="sep" select="''"/>
    <xsl:for-each select="$nodes">
      <xsl:choose>
        <!-- a paragraph of plain text on one line (no wrapping, no break,
             left to right): what the general path below writes, without
             its temporary trees -->
        <xsl:when test="$t-plain and self::c:p and not(*) and not(contains(., $t-br)) and not(contains(@num, $t-br))">
          <!-- (a blank or missing @num leaves no space: normalize-space) -->
          <xsl:variable name="seg" select="normalize-space(concat(@num, ' ', .))"/>
          <xsl:if test="$seg != ''">
            <xsl:value-of select="$seg"/>
            <xsl:text disable-output-escaping="yes">&#10;</xsl:text>
            <xsl:value-of select="$sep" disable-output-escaping="yes"/>
          </xsl:if>
        </xsl:when>
        <!-- a paragraph with inlines, lines not wrapped: what the c:p
             template writes through cdx:txt-lines, trimmed as below,
             without the temporary tree of the general path -->
        <xsl:when test="$cd-ext and $t-plain and self::c:p">
          <xsl:variable name="text">
            <xsl:if test="normalize-space(@num) != ''"><xsl:value-of select="concat(normalize-space(@num), ' ')"/></xsl:if>
            <xsl:apply-templates mode="t-inl"/>
          </xsl:variable>
          <xsl:variable name="out" select="cdx:txt-lines(string($text))"/>
          <xsl:if test="$out != ''">
            <xsl:value-of select="cdx:trim-nl($out)"/>
            <xsl:text disable-output-escaping="yes">&#10;</xsl:text>
            <xsl:value-of select="$sep" disable-output-escaping="yes"/>
          </xsl:if>
        </xsl:when>
        <!-- a section or annex with a heading, blocks kept one line apart:
             it ends in one blank line after text, so the general path
             below, which trims its newlines and adds the newline and SEP,
             would only copy it -->
        <xsl:when test="(self::c:section or self::c:annex) and $sep = '&#10;'
                        and normalize-space(c:title) != ''
                        and (not(contains(c:title, $t-br)) or normalize-space(translate(c:title, $t-br, ' ')) != '')
                        and not($t-per-section and parent::c:council)">
          <xsl:apply-templates select="." mode="t-block">
            <xsl:with-param name="ind" select="$ind"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="out">
            <xsl:apply-templates select="." mode="t-block">
              <xsl:with-param name="ind" select="$ind"/>
            </xsl:apply-templates>
          </xsl:variable>
          <xsl:if test="string($out) != ''">
            <xsl:choose>
              <xsl:when test="$cd-ext"><xsl:value-of select="cdx:trim-nl($out)"/></xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="t-trim-nl"><xsl:with-param name="s" select="string($out)"/></xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:text disable-output-escaping="yes">&#10;</xsl:text>
            <xsl:value-of select="$sep" disable-output-escaping="yes"/>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- t-trim-nl: S without its trailing newlines -->
  <xsl:template name="t-trim-nl">
    <xsl:param name="s"/>
    <!-- up to two newlines per step: long blocks are copied less often -->
    <xsl:variable name="len" select="string-length($s)"/>
    <xsl:choose>
      <xsl:when test="$cd-ext"><xsl:value-of select="cdx:trim-nl($s)"/></xsl:when>
      <xsl:when test="substring($s, $len) != '&#10;'"><xsl:value-of select="$s"/></xsl:when>
      <xsl:when test="substring($s, $len - 1, 1) != '&#10;'"><xsl:value-of select="substring($s, 1, $len - 1)"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="t-trim-nl"><xsl:with-param name="s" select="substring($s, 1, $len - 2)"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ notes -->
  <xsl:template name="t-notes">
    <xsl:param name="ns"/>
    <xsl:if test="$ns">
      <xsl:call-template name="t-lines">
        <xsl:with-param name="text">
          <xsl:call-template name="cd-label"><xsl:with-param name="key" select="'notes'"/></xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:text>&#10;</xsl:text>
      <xsl:for-each select="$ns">
        <xsl:variable name="mark">
          <xsl:text>[</xsl:text>
          <xsl:call-template name="t-note-label"/>
          <xsl:text>] </xsl:text>
        </xsl:variable>
        <xsl:variable name="body">
          <xsl:call-template name="t-blocks">
            <xsl:with-param name="nodes" select="*"/>
            <xsl:with-param name="ind" select="string-length($mark)"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="cd-indent">
          <xsl:with-param name="text" select="string($body)"/>
          <xsl:with-param name="first" select="$mark"/>
          <xsl:with-param name="pad">
            <xsl:call-template name="cd-spaces"><xsl:with-param name="n" select="string-length($mark)"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:if test="string($body) = ''"><xsl:value-of select="normalize-space($mark)"/><xsl:text>&#10;</xsl:text></xsl:if>
        <!-- a text node of its own, as in t-blocks -->
        <xsl:text disable-output-escaping="yes">&#10;</xsl:text>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <xsl:template name="t-note-label">
    <xsl:choose>
      <xsl:when test="normalize-space(@label) != ''"><xsl:value-of select="normalize-space(@label)"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="cd-note-index"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ blocks -->
  <xsl:template match="c:p" mode="t-block">
    <xsl:param name="ind" select="0"/>
    <xsl:variable name="text">
      <!-- a numbered paragraph starts with its number -->
      <xsl:if test="normalize-space(@num) != ''"><xsl:value-of select="concat(normalize-space(@num), ' ')"/></xsl:if>
      <xsl:apply-templates mode="t-inl"/>
    </xsl:variable>
    <xsl:call-template name="t-lines">
      <xsl:with-param name="text" select="string($text)"/>
      <xsl:with-param name="ind" select="$ind"/>
    </xsl:call-template>
  </xsl:template>

  <!-- a figure: [Image: alt] (Chart, Drawing, Equation by @kind), then
       its caption and its description
       (drawn labels, chart data) as blocks -->
  <xsl:template match="c:figure" mode="t-block">
    <xsl:param name="ind" select="0"/>
    <xsl:variable name="text"><xsl:apply-templates select="." mode="t-inl"/></xsl:variable>
    <xsl:call-template name="t-lines">
      <xsl:with-param name="text" select="string($text)"/>
      <xsl:with-param name="ind" select="$ind"/>
    </xsl:call-template>
    <xsl:apply-templates select="c:caption" mode="t-caption">
      <xsl:with-param name="ind" select="$ind"/>
    </xsl:apply-templates>
    <xsl:if test="c:desc/*">
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="t-blocks">
        <xsl:with-param name="nodes" select="c:desc/*"/>
        <xsl:with-param name="ind" select="$ind"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- a table's or figure's caption: lines of their own -->
  <xsl:template match="c:caption" mode="t-caption">
    <xsl:param name="ind" select="0"/>
    <xsl:variable name="text"><xsl:apply-templates mode="t-inl"/></xsl:variable>
    <xsl:call-template name="t-lines">
      <xsl:with-param name="text" select="string($text)"/>
      <xsl:with-param name="ind" select="$ind"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="c:quote" mode="t-block">
    <xsl:param name="ind" select="0"/>
    <xsl:call-template name="t-blocks">
      <xsl:with-param name="nodes" select="*"/>
      <xsl:with-param name="ind" select="$ind"/>
      <xsl:with-param name="sep" select="'&#10;'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Word comments (only with councildoc -\-comments): kept apart, at the end -->
  <xsl:template match="c:comments" mode="t-block">
    <xsl:param name="ind" select="0"/>
    <xsl:call-template name="cd-label"><xsl:with-param name="key" select="'comments'"/></xsl:call-template>
    <xsl:text>&#10;</xsl:text>
    <xsl:for-each select="c:comment">
      <xsl:if test="position() = 1"><xsl:text>&#10;</xsl:text></xsl:if>
      <xsl:value-of select="normalize-space(concat(@author, ' ', @date))"/>
      <xsl:text>:&#10;</xsl:text>
      <xsl:call-template name="t-blocks">
        <xsl:with-param name="nodes" select="*"/>
        <xsl:with-param name="ind" select="$ind"/>
        <xsl:with-param name="sep" select="'&#10;'"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- lists: each item's label as Word shows it, then its blocks indented
       under their first line; a term and its definition have a tab
       between them -->
  <xsl:template match="c:list" mode="t-block">
    <xsl:param name="ind" select="0"/>
    <xsl:variable name="sep">
      <xsl:choose>
        <xsl:when test="@type = 'term'"><xsl:text>&#9;</xsl:text></xsl:when>
        <xsl:otherwise><xsl:text> </xsl:text></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:for-each select="c:item">
      <xsl:variable name="mark">
        <xsl:call-template name="cd-item-label"/>
        <xsl:value-of select="$sep"/>
      </xsl:variable>
      <xsl:variable name="w" select="string-length($mark)"/>
      <xsl:variable name="body">
        <xsl:call-template name="t-blocks">
          <xsl:with-param name="nodes" select="*"/>
          <xsl:with-param name="ind" select="$ind + $w"/>
        </xsl:call-template>
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
              <xsl:call-template name="cd-spaces"><xsl:with-param name="n" select="$w"/></xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- ================================================================ inlines -->
  <!-- (translate() in libxml2 appends its result one character at a time:
       text without a tab or line break, the most, is written as it is) -->
  <xsl:template match="text()" mode="t-inl">
    <xsl:choose>
      <xsl:when test="contains(., '&#10;') or contains(., '&#9;') or contains(., '&#13;')">
        <xsl:value-of select="translate(., '&#9;&#10;&#13;', '   ')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- tracked changes (kept with the changes option "all"): a bracketed marker a screen reader
       speaks, "[deleted, AUTHOR, DATE: text]" -->
  <xsl:template match="c:ins | c:del" mode="t-inl">
    <xsl:text>[</xsl:text>
    <xsl:call-template name="cd-label">
      <xsl:with-param name="key" select="local-name()"/>
    </xsl:call-template>
    <xsl:if test="normalize-space(@author) != ''">
      <xsl:value-of select="concat(', ', normalize-space(@author))"/>
    </xsl:if>
    <xsl:if test="normalize-space(@date) != ''">
      <xsl:value-of select="concat(', ', substring(normalize-space(@date), 1, 10))"/>
    </xsl:if>
    <xsl:text>: </xsl:text>
    <xsl:apply-templates mode="t-inl"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="c:b | c:i | c:u | c:sup | c:sub | c:code | c:span | c:ref | c:math" mode="t-inl">
    <xsl:apply-templates mode="t-inl"/>
  </xsl:template>

  <!-- a superscript number ("10<sup>6</sup>", "2<sup>-1</sup>") in the
       superscript characters of Unicode, so that an exponent never reads
       as part of the number ("10⁶", not "106"); other superscripts
       (ordinals, note letters) and subscripts ("H2O", "GBATX5": an index
       keeps its meaning) as they are -->
  <xsl:variable name="t-sup-from" select="'0123456789+-&#x2212;=()'"/>
  <xsl:template match="c:sup[not(*[not(self::c:b or self::c:i or self::c:u)])]
                       [string(.) != '' and translate(., '0123456789+-&#x2212;=()', '') = '']" mode="t-inl">
    <xsl:value-of select="translate(., $t-sup-from, '&#x2070;&#xB9;&#xB2;&#xB3;&#x2074;&#x2075;&#x2076;&#x2077;&#x2078;&#x2079;&#x207A;&#x207B;&#x207B;&#x207C;&#x207D;&#x207E;')"/>
  </xsl:template>
  <xsl:template match="c:anchor" mode="t-inl"/>

  <xsl:template match="c:br" mode="t-inl">
    <xsl:value-of select="$t-br"/>
  </xsl:template>

  <xsl:template match="c:note" mode="t-inl">
    <xsl:text>[</xsl:text>
    <xsl:call-template name="t-note-label"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="c:figure" mode="t-inl">
    <xsl:variable name="alt" select="normalize-space(@alt)"/>
    <xsl:variable name="title" select="normalize-space(@title)"/>
    <xsl:text>[</xsl:text>
    <xsl:call-template name="cd-figure-label"/>
    <xsl:choose>
      <xsl:when test="$alt != ''"><xsl:text>: </xsl:text><xsl:value-of select="$alt"/></xsl:when>
      <xsl:when test="$title != ''"><xsl:text>: </xsl:text><xsl:value-of select="$title"/></xsl:when>
    </xsl:choose>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <!-- links: "text (url)" when the text differs from the url -->
  <xsl:template match="c:link" mode="t-inl">
    <xsl:variable name="text"><xsl:apply-templates mode="t-inl"/></xsl:variable>
    <xsl:variable name="t" select="normalize-space($text)"/>
    <xsl:variable name="href" select="normalize-space(@href)"/>
    <xsl:variable name="bare">
      <xsl:call-template name="t-bare-url"><xsl:with-param name="u" select="$href"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="tbare">
      <xsl:call-template name="t-bare-url"><xsl:with-param name="u" select="$t"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$href = ''"><xsl:value-of select="$text"/></xsl:when>
      <xsl:when test="$t = ''"><xsl:value-of select="$href"/></xsl:when>
      <xsl:when test="$bare = $tbare"><xsl:value-of select="$text"/></xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$text"/>
        <xsl:text> (</xsl:text><xsl:value-of select="$href"/><xsl:text>)</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a URL without scheme, mailto: and trailing slash, for comparison -->
  <xsl:template name="t-bare-url">
    <xsl:param name="u"/>
    <xsl:variable name="a">
      <xsl:choose>
        <xsl:when test="contains($u, '://')"><xsl:value-of select="substring-after($u, '://')"/></xsl:when>
        <xsl:when test="starts-with($u, 'mailto:')"><xsl:value-of select="substring-after($u, 'mailto:')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$u"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="substring($a, string-length($a)) = '/'"><xsl:value-of select="substring($a, 1, string-length($a) - 1)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$a"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ catch-all -->
  <xsl:template match="c:*" mode="t-block">
    <xsl:message terminate="yes">councildoc: unhandled element <xsl:value-of select="local-name()"/></xsl:message>
  </xsl:template>
  <xsl:template match="c:*" mode="t-inl">
    <xsl:message terminate="yes">councildoc: unhandled element <xsl:value-of select="local-name()"/></xsl:message>
  </xsl:template>
  <xsl:template match="c:*" mode="t-cell">
    <xsl:message terminate="yes">councildoc: unhandled element <xsl:value-of select="local-name()"/></xsl:message>
  </xsl:template>
  <xsl:template match="c:*">
    <xsl:message terminate="yes">councildoc: unhandled element <xsl:value-of select="local-name()"/></xsl:message>
  </xsl:template>
</xsl:stylesheet>
