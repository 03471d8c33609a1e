<?xml version="1.0" encoding="UTF-8"?>
<!-- db-tables.xsl - the tables of council2docbook.xsl (included by it): a
     CALS table (tgroup, colspecs, spans as namest/nameend and morerows),
     a formal table titled by its caption, else an informaltable; header
     rows as thead.

     XSLT 1.0 + EXSLT common.  Uses the block and inline templates of
     council2docbook.xsl. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:c="urn:councildoc:1"
    xmlns="http://docbook.org/ns/docbook"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="c exsl">

  <!-- ================================================================ tables -->
  <xsl:template match="c:table" mode="db-block">
    <xsl:variable name="ncol">
      <xsl:for-each select="c:row">
        <xsl:sort select="count(c:cell[not(@colspan &gt; 1)]) + sum(c:cell[@colspan &gt; 1]/@colspan)"
                  data-type="number" order="descending"/>
        <xsl:if test="position() = 1">
          <xsl:value-of select="count(c:cell[not(@colspan &gt; 1)]) + sum(c:cell[@colspan &gt; 1]/@colspan)"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <!-- header rows: the leading rows marked header (not all of them) -->
    <xsl:variable name="nhead">
      <xsl:choose>
        <xsl:when test="c:row[not(@header = 'true')]">
          <xsl:value-of select="count(c:row[not(@header = 'true')][1]/preceding-sibling::c:row)"/>
        </xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="tgroup">
      <tgroup cols="{$ncol}">
        <xsl:call-template name="db-colspecs"><xsl:with-param name="n" select="$ncol"/></xsl:call-template>
        <xsl:if test="$nhead &gt; 0">
          <thead>
            <xsl:apply-templates select="c:row[position() &lt;= $nhead]" mode="db-row">
              <xsl:with-param name="ncol" select="$ncol"/>
            </xsl:apply-templates>
          </thead>
        </xsl:if>
        <tbody>
          <xsl:apply-templates select="c:row[position() &gt; $nhead]" mode="db-row">
            <xsl:with-param name="ncol" select="$ncol"/>
          </xsl:apply-templates>
        </tbody>
      </tgroup>
    </xsl:variable>
    <xsl:choose>
      <!-- a captioned table is a formal table titled by its caption -->
      <xsl:when test="c:caption">
        <table>
          <title><xsl:apply-templates select="c:caption/node()" mode="db-inl"/></title>
          <xsl:copy-of select="$tgroup"/>
        </table>
      </xsl:when>
      <xsl:otherwise>
        <informaltable><xsl:copy-of select="$tgroup"/></informaltable>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="db-colspecs">
    <xsl:param name="n"/>
    <xsl:param name="i" select="1"/>
    <xsl:if test="$i &lt;= $n">
      <colspec colname="c{$i}"/>
      <xsl:call-template name="db-colspecs">
        <xsl:with-param name="n" select="$n"/>
        <xsl:with-param name="i" select="$i + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="c:row" mode="db-row">
    <xsl:param name="ncol"/>
    <row>
      <xsl:for-each select="c:cell">
        <entry>
          <xsl:if test="@colspan &gt; 1">
            <xsl:variable name="start" select="1 + count(preceding-sibling::c:cell[not(@colspan &gt; 1)])
                                               + sum(preceding-sibling::c:cell[@colspan &gt; 1]/@colspan)"/>
            <xsl:variable name="end" select="$start + number(@colspan) - 1"/>
            <xsl:if test="$start &lt;= $ncol">
              <xsl:attribute name="namest">c<xsl:value-of select="$start"/></xsl:attribute>
              <xsl:attribute name="nameend">c<xsl:choose>
                  <xsl:when test="$end &gt; $ncol"><xsl:value-of select="$ncol"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="$end"/></xsl:otherwise>
                </xsl:choose></xsl:attribute>
            </xsl:if>
          </xsl:if>
          <xsl:if test="@rowspan &gt; 1 and ../following-sibling::c:row">
            <xsl:variable name="more" select="number(@rowspan) - 1"/>
            <xsl:variable name="left" select="count(../following-sibling::c:row)"/>
            <xsl:attribute name="morerows">
              <xsl:choose>
                <xsl:when test="$more &gt; $left"><xsl:value-of select="$left"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$more"/></xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
          </xsl:if>
          <xsl:apply-templates select="*" mode="db-block"/>
        </entry>
      </xsl:for-each>
    </row>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
