<?xml version="1.0" encoding="UTF-8"?>
<!-- list-start.xsl - the start number of an ordered list (included by
     council2docbook.xsl and council2md.xsl).

     cd-list-start: the number of the first item's label when that label is
     a single number or letter ("3." "3)" "(3)" → 3, "c)" → 3, "iv)" in a
     roman list → 4: Word's shown label wins over a stale @start), else the
     list's @start, else 1. A label of several numbers ("2.1.1") is not a
     start number. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:c="urn:councildoc:1"
    exclude-result-prefixes="c">

  <xsl:variable name="ls-lower" select="'abcdefghijklmnopqrstuvwxyz'"/>
  <xsl:variable name="ls-upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>

  <xsl:template name="cd-list-start">
    <xsl:param name="list" select="."/>
    <xsl:variable name="raw" select="normalize-space($list/c:item[1]/@label)"/>
    <!-- one mark of punctuation around the label: "3." "3)" "(3)" -->
    <xsl:variable name="open" select="substring($raw, 1, 1) = '('"/>
    <xsl:variable name="last" select="substring($raw, string-length($raw), 1)"/>
    <xsl:variable name="close" select="$last = ')' or $last = '.'"/>
    <xsl:variable name="lab" select="substring($raw, 1 + $open,
        string-length($raw) - $open - $close)"/>
    <xsl:variable name="low" select="translate($lab, $ls-upper, $ls-lower)"/>
    <xsl:variable name="roman" select="($list/@style = 'lower-roman' or $list/@style = 'upper-roman')
        and $low != '' and translate($low, 'ivxlcdm', '') = ''"/>
    <xsl:choose>
      <xsl:when test="$list/@type != 'ordered' or $lab = ''">
        <xsl:call-template name="ls-attr-start"><xsl:with-param name="list" select="$list"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="string-length($lab) &lt; 6 and translate($lab, '0123456789', '') = ''">
        <xsl:value-of select="number($lab)"/>
      </xsl:when>
      <xsl:when test="$roman and string-length($low) &lt; 8">
        <xsl:call-template name="ls-roman"><xsl:with-param name="s" select="$low"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="string-length($low) = 1 and contains($ls-lower, $low)">
        <xsl:value-of select="string-length(substring-before($ls-lower, $low)) + 1"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ls-attr-start"><xsl:with-param name="list" select="$list"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="ls-attr-start">
    <xsl:param name="list"/>
    <xsl:choose>
      <xsl:when test="string(number($list/@start)) != 'NaN'"><xsl:value-of select="number($list/@start)"/></xsl:when>
      <xsl:otherwise>1</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ls-roman: the value of a lower-case roman numeral S -->
  <xsl:template name="ls-roman">
    <xsl:param name="s"/>
    <xsl:param name="acc" select="0"/>
    <xsl:choose>
      <xsl:when test="$s = ''"><xsl:value-of select="$acc"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="v">
          <xsl:call-template name="ls-roman-digit"><xsl:with-param name="d" select="substring($s, 1, 1)"/></xsl:call-template>
        </xsl:variable>
        <xsl:variable name="w">
          <xsl:call-template name="ls-roman-digit"><xsl:with-param name="d" select="substring($s, 2, 1)"/></xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="ls-roman">
          <xsl:with-param name="s" select="substring($s, 2)"/>
          <xsl:with-param name="acc" select="$acc + $v * (1 - 2 * (number($w) &gt; number($v)))"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="ls-roman-digit">
    <xsl:param name="d"/>
    <xsl:choose>
      <xsl:when test="$d = 'i'">1</xsl:when>
      <xsl:when test="$d = 'v'">5</xsl:when>
      <xsl:when test="$d = 'x'">10</xsl:when>
      <xsl:when test="$d = 'l'">50</xsl:when>
      <xsl:when test="$d = 'c'">100</xsl:when>
      <xsl:when test="$d = 'd'">500</xsl:when>
      <xsl:when test="$d = 'm'">1000</xsl:when>
      <xsl:otherwise>0</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
