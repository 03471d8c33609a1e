<?xml version="1.0" encoding="UTF-8"?>
<!-- table-grid.xsl - the grid of a council table (included by the Markdown
     and text stylesheets): where each cell lies once column and row spans
     are laid out, so that a value stays under its column.

     cd-grid (context: a c:table) gives one <l> per row holding one <t> per
     grid column: "C r,k:n " where cell k of row r starts, "S r,k:n " for
     a column covered by that cell's column span, "E r,k:n " for a column
     covered by a row span from above; n is how many rows below the column
     stays covered.  Only a table with row spans pays for the recursion.

     XSLT 1.0. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:c="urn:councildoc:1"
    exclude-result-prefixes="c">

  <xsl:template name="cd-grid">
    <xsl:choose>
      <xsl:when test="c:row/c:cell[@rowspan &gt; 1]">
        <xsl:call-template name="cd-grid-rows"><xsl:with-param name="rows" select="c:row"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="c:row">
          <l><xsl:call-template name="cd-grid-row">
            <xsl:with-param name="cells" select="c:cell"/>
            <xsl:with-param name="r" select="position()"/>
          </xsl:call-template></l>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- cd-grid-rows: one <l> per row of ROWS (row R onwards), PEND being
       the previous row's layout -->
  <xsl:template name="cd-grid-rows">
    <xsl:param name="rows"/>
    <xsl:param name="pend" select="''"/>
    <xsl:param name="r" select="1"/>
    <xsl:if test="$rows">
      <xsl:variable name="l-rtf">
        <l><xsl:call-template name="cd-grid-row">
          <xsl:with-param name="cells" select="$rows[1]/c:cell"/>
          <xsl:with-param name="pend" select="$pend"/>
          <xsl:with-param name="r" select="$r"/>
        </xsl:call-template></l>
      </xsl:variable>
      <xsl:copy-of select="$l-rtf"/>
      <xsl:call-template name="cd-grid-rows">
        <xsl:with-param name="rows" select="$rows[position() &gt; 1]"/>
        <xsl:with-param name="pend" select="string($l-rtf)"/>
        <xsl:with-param name="r" select="$r + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- cd-grid-row: the layout of row R (its CELLS), PEND the rest of the
       previous row's layout -->
  <xsl:template name="cd-grid-row">
    <xsl:param name="cells"/>
    <xsl:param name="pend" select="''"/>
    <xsl:param name="r"/>
    <xsl:variable name="tok" select="substring-before($pend, ' ')"/>
    <xsl:variable name="src" select="substring-before(substring-after($pend, ' '), ':')"/>
    <xsl:variable name="n" select="number(substring-after(substring-before(substring-after($pend, ' '), ' '), ':'))"/>
    <xsl:choose>
      <!-- nothing pending and no spans: each cell its own column (what the
           recursion below gives, without a call per cell) -->
      <xsl:when test="$pend = '' and not($cells[@colspan &gt; 1 or @rowspan &gt; 1])">
        <xsl:for-each select="$cells">
          <t><xsl:value-of select="concat('C ', $r, ',', count(preceding-sibling::c:cell) + 1, ':0 ')"/></t>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="$pend != '' and $n &gt; 0">
        <t><xsl:value-of select="concat('E ', $src, ':', $n - 1, ' ')"/></t>
        <xsl:call-template name="cd-grid-row">
          <xsl:with-param name="cells" select="$cells"/>
          <xsl:with-param name="pend" select="substring-after(substring-after($pend, ' '), ' ')"/>
          <xsl:with-param name="r" select="$r"/>
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
        <xsl:variable name="id" select="concat($r, ',', count($c/preceding-sibling::c:cell) + 1)"/>
        <t><xsl:value-of select="concat('C ', $id, ':', $rs, ' ')"/></t>
        <xsl:call-template name="cd-grid-span">
          <xsl:with-param name="n" select="$cs - 1"/>
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="rs" select="$rs"/>
        </xsl:call-template>
        <xsl:call-template name="cd-grid-row">
          <xsl:with-param name="cells" select="$cells[position() &gt; 1]"/>
          <xsl:with-param name="pend">
            <xsl:call-template name="cd-grid-drop"><xsl:with-param name="s" select="$pend"/><xsl:with-param name="n" select="$cs"/></xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="r" select="$r"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$pend != ''">
        <t><xsl:value-of select="concat('E ', $src, ':0 ')"/></t>
        <xsl:call-template name="cd-grid-row">
          <xsl:with-param name="cells" select="$cells"/>
          <xsl:with-param name="pend" select="substring-after(substring-after($pend, ' '), ' ')"/>
          <xsl:with-param name="r" select="$r"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="cd-grid-span">
    <xsl:param name="n"/>
    <xsl:param name="id"/>
    <xsl:param name="rs"/>
    <xsl:if test="$n &gt; 0">
      <t><xsl:value-of select="concat('S ', $id, ':', $rs, ' ')"/></t>
      <xsl:call-template name="cd-grid-span">
        <xsl:with-param name="n" select="$n - 1"/>
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="rs" select="$rs"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
  <!-- cd-grid-drop: S without its first N tokens (two words each) -->
  <xsl:template name="cd-grid-drop">
    <xsl:param name="s"/>
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$n &lt;= 0 or $s = ''"><xsl:value-of select="$s"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="cd-grid-drop">
          <xsl:with-param name="s" select="substring-after(substring-after($s, ' '), ' ')"/>
          <xsl:with-param name="n" select="$n - 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
