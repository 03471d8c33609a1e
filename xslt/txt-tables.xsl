<?xml version="1.0" encoding="UTF-8"?>
<!-- txt-tables.xsl - the tables of council2txt.xsl (included by it):
     linearised one line per row, cells joined by "; " (an empty row
     left out, a row of one cell
     a line per paragraph, break and list item), the header row once
     or repeated before each value ($table-headers), a cell's blocks as
     inline text and nested tables flattened into their cell.

     XSLT 1.0 + EXSLT common.  Uses t-br, t-lines and the inline templates
     of council2txt.xsl. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:c="urn:councildoc:1"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="c exsl">

  <!-- tables: one line per row, cells joined by "; "; with
       $table-headers = 'repeat' data rows read "Header: value; Header: value" -->
  <xsl:template match="c:table" mode="t-block">
    <xsl:param name="ind" select="0"/>
    <xsl:apply-templates select="c:caption" mode="t-caption">
      <xsl:with-param name="ind" select="$ind"/>
    </xsl:apply-templates>
    <xsl:variable name="head" select="c:row[1][@header = 'true']"/>
    <xsl:variable name="rows" select="c:row"/>
    <!-- the grid (table-grid.xsl): a column covered by a merged cell
         repeats its value, and headers stay over their columns -->
    <!-- without spans each cell is a column of its own: the rows' cells
         stand for the grid's columns ("C r,k:0", cd-grid-row), which is
         then not made -->
    <xsl:variable name="simple" select="not(c:row/c:cell[@colspan &gt; 1 or @rowspan &gt; 1])"/>
    <xsl:variable name="lay-rtf">
      <xsl:if test="not($simple)"><xsl:call-template name="cd-grid"/></xsl:if>
    </xsl:variable>
    <xsl:variable name="lay" select="exsl:node-set($lay-rtf)/l"/>
    <xsl:for-each select="c:row">
      <xsl:variable name="row" select="."/>
      <xsl:variable name="is-head" select="@header = 'true'"/>
      <xsl:variable name="p" select="position()"/>
      <!-- a row of one cell (a note row, a table of one column) keeps the
           cell's paragraphs and line breaks as lines ("a) Unused if…",
           "b) …") -->
      <xsl:variable name="single" select="($simple and count(c:cell) = 1)
                                          or count($lay[$p]/t[not(starts-with(., 'S '))]) = 1"/>
      <xsl:variable name="line">
        <xsl:choose>
          <!-- what the general path below writes when each cell is a
               column: the header of a cell is the head row's cell at its
               place -->
          <xsl:when test="$simple">
            <xsl:for-each select="c:cell">
              <xsl:variable name="pos" select="position()"/>
              <xsl:if test="$pos &gt; 1"><xsl:text>; </xsl:text></xsl:if>
              <xsl:if test="$table-headers = 'repeat' and $head and not($is-head)">
                <xsl:variable name="h">
                  <xsl:for-each select="$head/c:cell[$pos]"><xsl:call-template name="t-cell-text"/></xsl:for-each>
                </xsl:variable>
                <xsl:if test="normalize-space($h) != ''">
                  <xsl:value-of select="normalize-space($h)"/><xsl:text>: </xsl:text>
                </xsl:if>
              </xsl:if>
              <xsl:choose>
                <xsl:when test="$single"><xsl:call-template name="t-cell-lines"/></xsl:when>
                <xsl:otherwise><xsl:call-template name="t-cell-text"/></xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <!-- a cell spanning columns is said once; one spanning rows is said
                 again in every row it covers, so no value vanishes -->
            <xsl:for-each select="$lay[$p]/t[not(starts-with(., 'S '))]">
              <xsl:variable name="k" select="number(substring-before(substring-after(., ','), ':'))"/>
              <xsl:variable name="v">
                <xsl:choose>
                  <!-- covered from a row above: that row's cell -->
                  <xsl:when test="starts-with(., 'E ')">
                    <xsl:variable name="r" select="number(substring-before(substring-after(., ' '), ','))"/>
                    <xsl:for-each select="$rows[$r]/c:cell[$k]"><xsl:call-template name="t-cell-text"/></xsl:for-each>
                  </xsl:when>
                  <xsl:when test="$single">
                    <xsl:for-each select="$row/c:cell[$k]"><xsl:call-template name="t-cell-lines"/></xsl:for-each>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:for-each select="$row/c:cell[$k]"><xsl:call-template name="t-cell-text"/></xsl:for-each>
                  </xsl:otherwise>
                </xsl:choose>
              </xsl:variable>
              <xsl:if test="position() &gt; 1"><xsl:text>; </xsl:text></xsl:if>
              <!-- with repeated headers: those of every column the cell
                   covers, once each -->
              <xsl:if test="$table-headers = 'repeat' and $head and not($is-head)">
                <xsl:variable name="pos" select="count(preceding-sibling::t) + 1"/>
                <xsl:variable name="h">
                  <xsl:variable name="next" select="following-sibling::t[not(starts-with(., 'S '))][1]"/>
                  <xsl:variable name="span">
                    <xsl:choose>
                      <xsl:when test="$next"><xsl:value-of select="count($next/preceding-sibling::t) - count(preceding-sibling::t)"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="count(following-sibling::t) + 1"/></xsl:otherwise>
                    </xsl:choose>
                  </xsl:variable>
                  <xsl:for-each select="$lay[1]/t[position() &gt;= $pos and position() &lt; $pos + $span]">
                    <xsl:variable name="ht" select="."/>
                    <xsl:if test="not(starts-with($ht, 'S ')) or position() = 1">
                      <xsl:if test="position() &gt; 1"><xsl:text> / </xsl:text></xsl:if>
                      <xsl:variable name="hr" select="number(substring-before(substring-after($ht, ' '), ','))"/>
                      <xsl:variable name="hk" select="number(substring-before(substring-after($ht, ','), ':'))"/>
                      <xsl:for-each select="$rows[$hr]/c:cell[$hk]">
                        <xsl:call-template name="t-cell-text"/>
                      </xsl:for-each>
                    </xsl:if>
                  </xsl:for-each>
                </xsl:variable>
                <xsl:if test="normalize-space($h) != ''">
                  <xsl:value-of select="normalize-space($h)"/><xsl:text>: </xsl:text>
                </xsl:if>
              </xsl:if>
              <xsl:value-of select="$v"/>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <!-- a row with nothing in it (Word's spacing rows) is not read out -->
      <xsl:if test="normalize-space($row) != '' or $row//c:figure or $row//c:math or $row//c:note
                    or $lay[$p]/t[starts-with(., 'E ')]">
        <xsl:call-template name="t-lines">
          <xsl:with-param name="text" select="string($line)"/>
          <xsl:with-param name="ind" select="$ind"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- t-cell-lines: the blocks of a cell a line each, its paragraphs'
       line breaks kept -->
  <xsl:template name="t-cell-lines">
    <xsl:for-each select="*">
      <xsl:if test="position() &gt; 1"><xsl:value-of select="$t-br"/></xsl:if>
      <xsl:choose>
        <!-- a paragraph of plain text: its text as the t-inl text()
             template writes it, without a template call per node -->
        <!-- (translate() only for a tab or line break: it appends its
             result one character at a time) -->
        <xsl:when test="self::c:p and not(*) and not(contains(., '&#10;') or contains(., '&#9;') or contains(., '&#13;'))">
          <xsl:value-of select="."/>
        </xsl:when>
        <xsl:when test="self::c:p and not(*)"><xsl:value-of select="translate(., '&#9;&#10;&#13;', '   ')"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="." mode="t-cell-line"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="c:p" mode="t-cell-line"><xsl:apply-templates mode="t-inl"/></xsl:template>
  <xsl:template match="c:list" mode="t-cell-line">
    <xsl:for-each select="c:item">
      <xsl:if test="position() &gt; 1"><xsl:value-of select="$t-br"/></xsl:if>
      <xsl:call-template name="cd-item-label"/>
      <xsl:text> </xsl:text>
      <xsl:call-template name="t-cell-lines"/>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="*" mode="t-cell-line"><xsl:apply-templates select="." mode="t-cell"/></xsl:template>

  <xsl:template name="t-cell-text">
    <xsl:for-each select="*">
      <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
      <xsl:choose>
        <!-- a paragraph of plain text: what the c:p t-cell template
             writes, without its temporary tree -->
        <xsl:when test="self::c:p and not(*) and not(contains(., $t-br))"><xsl:value-of select="normalize-space(.)"/></xsl:when>
        <xsl:when test="self::c:p and not(*)"><xsl:value-of select="normalize-space(translate(., $t-br, ' '))"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="." mode="t-cell"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="c:p | c:figure" mode="t-cell">
    <xsl:variable name="t"><xsl:apply-templates select="self::c:p/node() | self::c:figure" mode="t-inl"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="contains($t, $t-br)"><xsl:value-of select="normalize-space(translate($t, $t-br, ' '))"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($t)"/></xsl:otherwise>
    </xsl:choose>
    <!-- a figure's caption and description follow it in the cell -->
    <xsl:for-each select="self::c:figure/c:caption">
      <xsl:variable name="c"><xsl:apply-templates mode="t-inl"/></xsl:variable>
      <xsl:value-of select="concat(' ', normalize-space(translate($c, $t-br, ' ')))"/>
    </xsl:for-each>
    <xsl:for-each select="self::c:figure/c:desc/*">
      <xsl:text> </xsl:text>
      <xsl:apply-templates select="." mode="t-cell"/>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="c:quote" mode="t-cell">
    <xsl:for-each select="*">
      <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
      <xsl:apply-templates select="." mode="t-cell"/>
    </xsl:for-each>
  </xsl:template>
  <!-- a list in a cell: each labelled item starts a line of its own, so its
       label reads as Word shows it ("a) Unused if…" under "MMR; ") -->
  <xsl:template match="c:list" mode="t-cell">
    <xsl:for-each select="*">
      <xsl:choose>
        <xsl:when test="position() &gt; 1 and normalize-space(@label) != ''"><xsl:value-of select="$t-br"/></xsl:when>
        <xsl:when test="position() &gt; 1"><xsl:text> </xsl:text></xsl:when>
      </xsl:choose>
      <xsl:apply-templates select="." mode="t-cell"/>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="c:item" mode="t-cell">
    <xsl:call-template name="cd-item-label"/>
    <xsl:text> </xsl:text>
    <xsl:call-template name="t-cell-text"/>
  </xsl:template>
  <xsl:template match="c:table" mode="t-cell">
    <xsl:for-each select="c:row">
      <xsl:if test="position() &gt; 1"><xsl:text>; </xsl:text></xsl:if>
      <xsl:for-each select="c:cell">
        <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
        <xsl:call-template name="t-cell-text"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
