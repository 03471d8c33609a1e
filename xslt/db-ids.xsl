<?xml version="1.0" encoding="UTF-8"?>
<!-- db-ids.xsl - the ids of council2docbook.xsl (included by it): which
     element keeps its id as xml:id.

     XSLT 1.0 + EXSLT common.  Uses the variable db-ncname-start of
     council2docbook.xsl. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:c="urn:councildoc:1"
    xmlns="http://docbook.org/ns/docbook"
    xmlns:exsl="http://exslt.org/common"
    xmlns:l="urn:councildoc:labels"
    xmlns:cdx="urn:councildoc:ext"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="c exsl l cdx">

  <!-- ids: an element keeps its id when it is the first to carry it and
       the id is a plausible NCName. The carriers are listed once, in
       document order, in a small tree of their own that a key indexes by
       id: no key is built on the council document, which libxslt would
       mark node by node (the stylesheets may then run side by side on
       one read-only document). councildoc's cdx:db-first does the same
       in C, and the list is then not made -->
  <xsl:variable name="db-first-c" select="function-available('cdx:db-first')"/>
  <xsl:variable name="db-ids-rtf">
    <xsl:if test="not($db-first-c)">
      <xsl:for-each select="//c:section[@id] | //c:annex[@id] | //c:anchor[@id] | //c:note[@id] | //c:p[@id]">
        <l:i id="{@id}" g="{generate-id()}"/>
      </xsl:for-each>
    </xsl:if>
  </xsl:variable>
  <xsl:key name="db-ids" match="l:i" use="@id"/>

  <!-- db-first: generate-id() of the first carrier of ID, or "" -->
  <xsl:template name="db-first">
    <xsl:param name="id"/>
    <xsl:choose>
      <xsl:when test="$db-first-c"><xsl:value-of select="cdx:db-first(string($id))"/></xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="exsl:node-set($db-ids-rtf)">
          <xsl:value-of select="key('db-ids', $id)[1]/@g"/>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- (with councildoc's functions, cdx:db-id makes the test below in
       one call: the @id to keep, or nothing; the same attribute) -->
  <xsl:template name="db-id">
    <xsl:param name="n" select="."/>
    <xsl:choose>
      <xsl:when test="$db-first-c">
        <xsl:for-each select="cdx:db-id($n)">
          <xsl:attribute name="xml:id"><xsl:value-of select="."/></xsl:attribute>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="$n/@id">
        <xsl:variable name="first">
          <xsl:call-template name="db-first"><xsl:with-param name="id" select="$n/@id"/></xsl:call-template>
        </xsl:variable>
        <xsl:if test="$first = generate-id($n)
                      and contains($db-ncname-start, substring($n/@id, 1, 1))
                      and translate($n/@id, ' :/&#9;#?[]()', '') = $n/@id">
          <xsl:attribute name="xml:id"><xsl:value-of select="$n/@id"/></xsl:attribute>
        </xsl:if>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
