<?xml version="1.0" encoding="UTF-8"?>
<!-- md-tables.xsl - the tables of council2md.xsl (included by it): GFM pipe
     tables laid out on a grid (merged values repeated under the columns
     they cover, a cell's blocks joined by <br>) and, when a table holds a table, an HTML
     <table> with the inline HTML for its cells.

     XSLT 1.0 + EXSLT common.  Uses m-br, m-esc, m-para and the other
     templates of council2md.xsl. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:c="urn:councildoc:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:cdx="urn:councildoc:ext"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="c exsl cdx">

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
    <xsl:if test="c:caption">
      <xsl:apply-templates select="c:caption" mode="m-caption"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
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
       out on a grid (cd-grid, table-grid.xsl) so that every cell stays under
       its column: a column covered by a cell spanning rows repeats that
       cell's value, and so does a column covered by a short value spanning
       columns, so no column of values reads blank.  Blocks of a cell are
       joined by <br> (lists keep their item labels).  The rows at the end
       that are one cell across the table, from the first holding several
       lines (the notes under a table: "NOTE 1 – …", "a) …"), follow the
       table as paragraphs: a pipe-table row is one line. -->
  <xsl:template name="m-pipe-table">
    <!-- without spans each cell is a column of its own: the rows' cells
         stand for the grid's columns ("C r,k:0", cd-grid-row), which is
         then not made -->
    <xsl:variable name="simple" select="not(c:row/c:cell[@colspan &gt; 1 or @rowspan &gt; 1])"/>
    <xsl:variable name="lay-rtf">
      <xsl:if test="not($simple)"><xsl:call-template name="cd-grid"/></xsl:if>
    </xsl:variable>
    <xsl:variable name="lay" select="exsl:node-set($lay-rtf)/l"/>
    <xsl:variable name="ncol">
      <xsl:choose>
        <xsl:when test="$simple">
          <xsl:for-each select="c:row">
            <xsl:sort select="count(c:cell)" data-type="number" order="descending"/>
            <xsl:if test="position() = 1"><xsl:value-of select="count(c:cell)"/></xsl:if>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="$lay">
            <xsl:sort select="count(t)" data-type="number" order="descending"/>
            <xsl:if test="position() = 1"><xsl:value-of select="count(t)"/></xsl:if>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <!-- after the last row that is not one cell across the table, the
         first such row holding several lines and the rows after it follow
         the table (a one-line row before them, a total, stays in it) -->
    <xsl:variable name="kept" select="c:row[not(count(c:cell) = 1 and c:cell/@colspan = $ncol)][last()]"/>
    <xsl:variable name="note1" select="$kept/following-sibling::c:row[count(c:cell/*) &gt; 1
                                       or c:cell/c:p/c:br or c:cell/c:list][1]"/>
    <xsl:variable name="nkept">
      <xsl:choose>
        <xsl:when test="$note1 and $ncol &gt; 1"><xsl:value-of select="count($note1/preceding-sibling::c:row)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="count(c:row)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:for-each select="c:row[position() &lt;= $nkept]">
      <xsl:variable name="row" select="."/>
      <xsl:variable name="p" select="position()"/>
      <xsl:text>|</xsl:text>
      <xsl:choose>
        <xsl:when test="$simple">
          <xsl:for-each select="c:cell">
            <xsl:choose>
              <!-- paragraphs of plain text: cdx:md-cell-of writes what the
                   c:cell m-cell template does, without a temporary tree -->
              <xsl:when test="$cd-ext and not(*[not(self::c:p)] or c:p/*)">
                <xsl:variable name="s" select="cdx:md-cell-of(.)"/>
                <xsl:value-of select="concat(' ', $s, substring(' ', 1, number($s != '')), '|')"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:variable name="v"><xsl:apply-templates select="." mode="m-cell"/></xsl:variable>
                <xsl:text> </xsl:text>
                <xsl:value-of select="$v"/>
                <xsl:if test="$v != ''"><xsl:text> </xsl:text></xsl:if>
                <xsl:text>|</xsl:text>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
          <xsl:call-template name="m-pad-cells"><xsl:with-param name="n" select="$ncol - count(c:cell)"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="rows" select="../c:row"/>
          <xsl:variable name="full" select="not($lay[$p]/t[not(starts-with(., 'S '))][2])"/>
          <xsl:for-each select="$lay[$p]/t">
            <!-- a column covered by a merged cell repeats its value when that
                 is a value (a number, a code, a unit: short, no picture); a
                 longer text across columns (a row title, a cover-page line)
                 stands once -->
            <xsl:variable name="k" select="number(substring-before(substring-after(., ','), ':'))"/>
            <xsl:variable name="cell" select="$row/c:cell[$k]"/>
            <xsl:choose>
              <!-- the row's own cell holding paragraphs of plain text:
                   cdx:md-cell-of writes what the c:cell m-cell template does,
                   without a temporary tree for the value -->
              <xsl:when test="$cd-ext and starts-with(., 'C ') and not($cell/*[not(self::c:p)] or $cell/c:p/*)">
                <xsl:variable name="s" select="cdx:md-cell-of($cell)"/>
                <xsl:value-of select="concat(' ', $s, substring(' ', 1, number($s != '')), '|')"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:variable name="v">
                  <xsl:choose>
                    <!-- covered from a row above: that row's cell (the only lookup
                         outside the row, kept off the common path) -->
                    <xsl:when test="starts-with(., 'E ')">
                      <xsl:variable name="r" select="number(substring-before(substring-after(., ' '), ','))"/>
                      <xsl:apply-templates select="$rows[$r]/c:cell[$k]" mode="m-cell"/>
                    </xsl:when>
                    <xsl:when test="starts-with(., 'C ') or (not($full)
                                    and string-length(normalize-space($row/c:cell[$k])) &lt;= 24
                                    and not($row/c:cell[$k]//c:figure))">
                      <xsl:apply-templates select="$row/c:cell[$k]" mode="m-cell"/>
                    </xsl:when>
                  </xsl:choose>
                </xsl:variable>
                <xsl:text> </xsl:text>
                <xsl:value-of select="$v"/>
                <xsl:if test="$v != ''"><xsl:text> </xsl:text></xsl:if>
                <xsl:text>|</xsl:text>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
          <xsl:call-template name="m-pad-cells"><xsl:with-param name="n" select="$ncol - count($lay[$p]/t)"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text>&#10;</xsl:text>
      <xsl:if test="position() = 1">
        <xsl:text>|</xsl:text>
        <xsl:call-template name="m-delims"><xsl:with-param name="n" select="$ncol"/></xsl:call-template>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
    </xsl:for-each>
    <xsl:if test="c:row[position() &gt; $nkept]">
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="m-blocks">
        <xsl:with-param name="nodes" select="c:row[position() &gt; $nkept]/c:cell/*"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- m-cell: the blocks of a pipe-table cell on one line, joined by <br> -->
  <xsl:template match="c:cell" mode="m-cell">
    <xsl:choose>
      <!-- paragraphs of plain text only: cdx:md-cell-of writes what the
           templates below do, without their temporary trees -->
      <xsl:when test="$cd-ext and not(*[not(self::c:p)] or c:p/*)"><xsl:value-of select="cdx:md-cell-of(.)"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="t"><xsl:apply-templates select="*" mode="m-cell"/></xsl:variable>
        <xsl:choose>
          <xsl:when test="$cd-ext"><xsl:value-of select="cdx:md-cell($t)"/></xsl:when>
          <xsl:otherwise>
            <xsl:variable name="n" select="normalize-space(translate($t, '&#9;&#10;&#13;', '   '))"/>
            <xsl:variable name="u">
              <xsl:call-template name="cd-replace">
                <xsl:with-param name="text" select="substring($n, 1 + starts-with($n, $m-br))"/>
                <xsl:with-param name="from" select="$m-br"/>
                <xsl:with-param name="to" select="' &lt;br&gt; '"/>
              </xsl:call-template>
            </xsl:variable>
            <xsl:value-of select="normalize-space($u)"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="c:p" mode="m-cell">
    <xsl:variable name="t"><xsl:apply-templates mode="m-inl"/></xsl:variable>
    <!-- (translate() only when there is a break to read as a space) -->
    <xsl:if test="normalize-space($t) != ''
                  and (not(contains($t, $m-br)) or normalize-space(translate($t, $m-br, ' ')) != '')">
      <xsl:value-of select="concat($m-br, $t)"/>
    </xsl:if>
  </xsl:template>
  <xsl:template match="c:figure" mode="m-cell">
    <xsl:value-of select="$m-br"/>
    <xsl:apply-templates select="." mode="m-inl"/>
    <xsl:if test="c:caption">
      <xsl:value-of select="$m-br"/>
      <xsl:apply-templates select="c:caption/node()" mode="m-inl"/>
    </xsl:if>
    <xsl:apply-templates select="c:desc/*" mode="m-cell"/>
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
    <xsl:variable name="alt"><xsl:call-template name="cd-figure-alt"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="normalize-space(@src) != ''">
        <xsl:text>&lt;img src="</xsl:text>
        <xsl:call-template name="m-html-esc"><xsl:with-param name="s" select="normalize-space(@src)"/></xsl:call-template>
        <xsl:text>" alt="</xsl:text>
        <xsl:call-template name="m-html-esc"><xsl:with-param name="s" select="string($alt)"/></xsl:call-template>
        <xsl:text>"&gt;</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>[</xsl:text>
        <xsl:call-template name="cd-figure-label"/>
        <xsl:if test="string($alt) != ''">
          <xsl:text>: </xsl:text>
          <xsl:call-template name="m-html-esc"><xsl:with-param name="s" select="string($alt)"/></xsl:call-template>
        </xsl:if>
        <xsl:text>]</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="c:caption | c:desc" mode="m-html"/>
  </xsl:template>
  <xsl:template match="c:caption" mode="m-html">
    <xsl:text>&lt;br&gt;</xsl:text>
    <xsl:apply-templates mode="m-html"/>
  </xsl:template>
  <xsl:template match="c:desc" mode="m-html">
    <xsl:apply-templates select="*" mode="m-html"/>
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
