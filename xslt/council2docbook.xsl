<?xml version="1.0" encoding="UTF-8"?>
<!-- council2docbook.xsl - council XML (urn:councildoc:1) to a DocBook 5.0
     article, valid against the DocBook 5.0 RELAX NG schema.

     info: title, biblioid (document number), pubdate, author/orgname (the
     source line), confgroup (meeting, place), subjectset (agenda item),
     releaseinfo (original language), abstract (the Purpose text).
     The lead-in box becomes sections titled Purpose / Action required /
     References; sections and annexes become section elements (xml:id =
     id, label = num, title "2.1 Title"); footnotes stay in place; CALS
     informaltable; links (xlink:href, or linkend for internal targets).
     Blocks that follow a subsection in the council XML are placed at the
     end of that subsection (DocBook allows no blocks after subsections).

     XSLT 1.0 + EXSLT common.  Same output under xsltproc and libxslt. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:c="urn:councildoc:1"
    xmlns="http://docbook.org/ns/docbook"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:exsl="http://exslt.org/common"
    xmlns:l="urn:councildoc:labels"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="c exsl l">

  <xsl:include href="common.xsl"/>
  <xsl:include href="list-start.xsl"/>
  <xsl:include href="db-tables.xsl"/>
  <xsl:include href="db-ids.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- ids (db-ids.xsl): db-id, db-first -->
  <xsl:variable name="db-ncname-start" select="'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_'"/>
  <!-- characters that cannot appear in an NMTOKEN (footnote/@label) -->
  <xsl:variable name="db-not-nmtoken"><xsl:text> !"#$%&amp;'()*+,/;&lt;=&gt;?@[\]^`{|}~&#9;&#xA0;†‡§¶•°′″‘’“”«»–—…</xsl:text></xsl:variable>

  <xsl:template name="db-langdir">
    <xsl:if test="@xml:lang">
      <xsl:attribute name="xml:lang"><xsl:value-of select="@xml:lang"/></xsl:attribute>
    </xsl:if>
    <xsl:if test="@dir = 'rtl' or @dir = 'ltr'">
      <xsl:attribute name="dir"><xsl:value-of select="@dir"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================ document -->
  <xsl:template match="/">
    <xsl:apply-templates select="c:council"/>
  </xsl:template>

  <!-- toc = yes: a toc after info, made from the sections (tocdiv for a
       section with subsections, tocentry else), linking to their ids -->
  <xsl:param name="toc" select="'no'"/>

  <xsl:template match="c:council">
    <xsl:variable name="parts" select="c:summary/c:purpose | c:summary/c:action | c:summary/c:references"/>
    <!-- the blocks before the first section or annex: the siblings before
         it (one walk), or all blocks when there is none (a sibling test per
         block would walk the whole axis for each) -->
    <xsl:variable name="first" select="(c:section | c:annex)[1]"/>
    <xsl:variable name="lead" select="$first/preceding-sibling::*[not(self::c:meta or self::c:summary)]
        | *[not($first)][not(self::c:meta or self::c:summary or self::c:section or self::c:annex)]"/>
    <article version="5.0">
      <xsl:attribute name="xml:lang">
        <xsl:choose>
          <xsl:when test="normalize-space(@xml:lang) != ''"><xsl:value-of select="normalize-space(@xml:lang)"/></xsl:when>
          <xsl:otherwise>en</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:if test="@dir = 'rtl' or @dir = 'ltr'">
        <xsl:attribute name="dir"><xsl:value-of select="@dir"/></xsl:attribute>
      </xsl:if>
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="db-info"/>
      <xsl:if test="$toc = 'yes' and (c:section | c:annex)">
        <toc>
          <title><xsl:call-template name="cd-label"><xsl:with-param name="key" select="'contents'"/></xsl:call-template></title>
          <xsl:apply-templates select="c:section | c:annex" mode="db-toc"/>
        </toc>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
      <xsl:if test="not($parts)">
        <xsl:apply-templates select="$lead" mode="db-block"/>
      </xsl:if>
      <xsl:for-each select="$parts">
        <section role="{local-name()}">
          <title>
            <xsl:call-template name="cd-label"><xsl:with-param name="key" select="local-name()"/></xsl:call-template>
          </title>
          <xsl:variable name="content">
            <xsl:apply-templates select="*" mode="db-block"/>
            <xsl:if test="position() = last()">
              <xsl:apply-templates select="$lead" mode="db-block"/>
            </xsl:if>
          </xsl:variable>
          <xsl:copy-of select="$content"/>
          <xsl:if test="not(exsl:node-set($content)/*)"><para/></xsl:if>
        </section>
        <xsl:text>&#10;</xsl:text>
      </xsl:for-each>
      <xsl:apply-templates select="c:section | c:annex" mode="db-block"/>
    </article>
  </xsl:template>

  <xsl:template name="db-info">
    <xsl:variable name="m" select="c:meta"/>
    <info>
      <title>
        <xsl:choose>
          <xsl:when test="string($cd-doc-title) != ''"><xsl:value-of select="$cd-doc-title"/></xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="cd-label"><xsl:with-param name="key" select="'untitled'"/></xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </title>
      <xsl:if test="normalize-space($m/c:document) != ''">
        <biblioid class="pubsnumber"><xsl:value-of select="normalize-space($m/c:document)"/></biblioid>
      </xsl:if>
      <xsl:if test="normalize-space($m/c:date) != '' or normalize-space($m/c:date/@when) != ''">
        <pubdate>
          <xsl:choose>
            <xsl:when test="normalize-space($m/c:date/@when) != ''"><xsl:value-of select="normalize-space($m/c:date/@when)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="normalize-space($m/c:date)"/></xsl:otherwise>
          </xsl:choose>
        </pubdate>
      </xsl:if>
      <xsl:if test="normalize-space($m/c:source) != ''">
        <author><orgname><xsl:value-of select="normalize-space($m/c:source)"/></orgname></author>
      </xsl:if>
      <xsl:if test="normalize-space($m/c:meeting) != '' or normalize-space($m/c:place) != ''">
        <confgroup>
          <xsl:if test="normalize-space($m/c:meeting) != ''">
            <conftitle><xsl:value-of select="normalize-space($m/c:meeting)"/></conftitle>
          </xsl:if>
          <xsl:if test="normalize-space($m/c:place) != ''">
            <address><xsl:value-of select="normalize-space($m/c:place)"/></address>
          </xsl:if>
        </confgroup>
      </xsl:if>
      <xsl:if test="normalize-space($m/c:agenda-item) != ''">
        <subjectset role="agenda-item">
          <subject><subjectterm><xsl:value-of select="normalize-space($m/c:agenda-item)"/></subjectterm></subject>
        </subjectset>
      </xsl:if>
      <xsl:if test="normalize-space($m/c:original) != ''">
        <releaseinfo role="original">
          <xsl:call-template name="cd-label"><xsl:with-param name="key" select="'original'"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:value-of select="normalize-space($m/c:original)"/>
        </releaseinfo>
      </xsl:if>
      <xsl:variable name="purpose" select="c:summary/c:purpose/*[normalize-space(.) != '']"/>
      <xsl:if test="$purpose">
        <abstract>
          <xsl:for-each select="$purpose">
            <xsl:variable name="t"><xsl:apply-templates select="." mode="db-plain"/></xsl:variable>
            <para><xsl:value-of select="normalize-space($t)"/></para>
          </xsl:for-each>
        </abstract>
      </xsl:if>
    </info>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="c:section | c:annex" mode="db-toc">
    <xsl:variable name="title">
      <xsl:call-template name="cd-num-prefix"/>
      <xsl:apply-templates select="c:title/node()" mode="db-plain"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="c:section">
        <tocdiv linkend="{@id}">
          <title><xsl:value-of select="normalize-space($title)"/></title>
          <xsl:apply-templates select="c:section" mode="db-toc"/>
        </tocdiv>
      </xsl:when>
      <xsl:otherwise>
        <tocentry linkend="{@id}"><xsl:value-of select="normalize-space($title)"/></tocentry>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- plain text without note bodies (the abstract) -->
  <xsl:template match="text()" mode="db-plain"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="c:note" mode="db-plain"/>
  <xsl:template match="c:*" mode="db-plain"><xsl:text> </xsl:text><xsl:apply-templates mode="db-plain"/><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="c:b | c:i | c:u | c:sup | c:sub | c:code | c:span | c:ref | c:math | c:link" mode="db-plain">
    <xsl:apply-templates mode="db-plain"/>
  </xsl:template>

  <!-- ================================================================ sections -->
  <xsl:template match="c:section | c:annex" mode="db-block">
    <section>
      <xsl:if test="@id"><xsl:call-template name="db-id"/></xsl:if>
      <xsl:if test="normalize-space(@num) != ''">
        <xsl:attribute name="label"><xsl:value-of select="normalize-space(@num)"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="self::c:annex"><xsl:attribute name="role">annex</xsl:attribute></xsl:if>
      <title>
        <!-- (what db-langdir and cd-num-prefix write, without the calls
             when there is nothing to write) -->
        <xsl:for-each select="c:title[@xml:lang or @dir]"><xsl:call-template name="db-langdir"/></xsl:for-each>
        <xsl:if test="self::c:section and normalize-space(@num) != ''">
          <xsl:value-of select="concat(normalize-space(@num), ' ')"/>
        </xsl:if>
        <xsl:apply-templates select="c:title/node()" mode="db-inl"/>
      </title>
      <xsl:text>&#10;</xsl:text>
      <xsl:choose>
        <!-- blocks or subsections (each writes an element): in place;
             the blocks before the first subsection as $lead above -->
        <xsl:when test="*[not(self::c:title)]">
          <xsl:variable name="first" select="c:section[1]"/>
          <xsl:apply-templates select="$first/preceding-sibling::*[not(self::c:title)]
              | *[not($first)][not(self::c:title or self::c:section)]" mode="db-block"/>
          <xsl:choose>
            <xsl:when test="$first"><xsl:apply-templates select="c:section" mode="db-block"/></xsl:when>
            <xsl:otherwise><xsl:call-template name="db-tails"/></xsl:otherwise>
          </xsl:choose>
        </xsl:when>
        <!-- a title alone: the blocks that follow it, if any -->
        <xsl:otherwise>
          <xsl:variable name="content"><xsl:call-template name="db-tails"/></xsl:variable>
          <xsl:copy-of select="$content"/>
          <xsl:if test="not(exsl:node-set($content)/*)"><para/></xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- db-tails: the blocks that follow section X in its parent, then, when
       X is its parent's last section, the parent's own tail. One sibling at
       a time (following-sibling::*[1] stops at the first), up to the next
       section or annex: each block is visited once -->
  <xsl:template name="db-tails">
    <xsl:param name="x" select="."/>
    <xsl:call-template name="db-tail-from">
      <xsl:with-param name="x" select="$x"/>
      <xsl:with-param name="b" select="$x/following-sibling::*[1]"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="db-tail-from">
    <xsl:param name="x"/>
    <xsl:param name="b"/>
    <xsl:choose>
      <xsl:when test="$b/self::c:section or $b/self::c:annex"/>
      <xsl:when test="$b">
        <xsl:apply-templates select="$b[self::c:p or self::c:list or self::c:table or self::c:figure or self::c:quote]"
                             mode="db-block"/>
        <xsl:call-template name="db-tail-from">
          <xsl:with-param name="x" select="$x"/>
          <xsl:with-param name="b" select="$b/following-sibling::*[1]"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$x/parent::c:section or $x/parent::c:annex">
        <xsl:call-template name="db-tails"><xsl:with-param name="x" select="$x/.."/></xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ blocks -->
  <xsl:template match="c:p" mode="db-block">
    <para>
      <!-- (the named templates write nothing without these attributes:
           most paragraphs skip the calls, and text alone is its value) -->
      <xsl:if test="@id"><xsl:call-template name="db-id"/></xsl:if>
      <xsl:if test="@xml:lang or @dir"><xsl:call-template name="db-langdir"/></xsl:if>
      <!-- a numbered paragraph starts with its number -->
      <xsl:if test="normalize-space(@num) != ''"><xsl:value-of select="concat(normalize-space(@num), ' ')"/></xsl:if>
      <xsl:choose>
        <xsl:when test="*"><xsl:apply-templates mode="db-inl"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
      </xsl:choose>
    </para>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Word comments (only with councildoc -\-comments): a last section -->
  <xsl:template match="c:comments" mode="db-block">
    <section role="comments">
      <title><xsl:call-template name="cd-label"><xsl:with-param name="key" select="'comments'"/></xsl:call-template></title>
      <xsl:for-each select="c:comment">
        <para role="comment-author"><xsl:value-of select="normalize-space(concat(@author, ' ', @date))"/></para>
        <xsl:apply-templates select="*" mode="db-block"/>
      </xsl:for-each>
    </section>
  </xsl:template>

  <xsl:template match="c:quote" mode="db-block">
    <blockquote>
      <xsl:call-template name="db-langdir"/>
      <xsl:apply-templates select="*" mode="db-block"/>
      <xsl:if test="not(*)"><para/></xsl:if>
    </blockquote>
  </xsl:template>

  <!-- a figure: a figure with its title (the caption, else @title), an
       informalfigure when it has only a description, else a bare
       mediaobject; the description's blocks follow the mediaobject -->
  <xsl:template match="c:figure" mode="db-block">
    <xsl:choose>
      <xsl:when test="c:caption or normalize-space(@title) != ''">
        <figure>
          <title>
            <xsl:choose>
              <xsl:when test="c:caption"><xsl:apply-templates select="c:caption/node()" mode="db-inl"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="normalize-space(@title)"/></xsl:otherwise>
            </xsl:choose>
          </title>
          <xsl:call-template name="db-mediaobject"/>
          <xsl:apply-templates select="c:desc/*" mode="db-block"/>
        </figure>
      </xsl:when>
      <xsl:when test="c:desc/*">
        <informalfigure>
          <xsl:call-template name="db-mediaobject"/>
          <xsl:apply-templates select="c:desc/*" mode="db-block"/>
        </informalfigure>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="db-mediaobject"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="db-mediaobject">
    <mediaobject>
      <xsl:if test="@kind and @kind != 'picture'"><xsl:attribute name="role"><xsl:value-of select="@kind"/></xsl:attribute></xsl:if>
      <xsl:call-template name="db-imageobject"/>
      <textobject><phrase><xsl:call-template name="db-figure-phrase"/></phrase></textobject>
    </mediaobject>
  </xsl:template>

  <!-- what a figure's text object says: its alternative text, else what
       it is ("Image", "Drawing", "Chart", "Equation" in the document's
       language), as the text output says -->
  <xsl:template name="db-figure-phrase">
    <xsl:variable name="alt"><xsl:call-template name="cd-figure-alt"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="normalize-space($alt) != ''"><xsl:value-of select="$alt"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="cd-figure-label"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the picture file, when one was written -->
  <xsl:template name="db-imageobject">
    <xsl:if test="normalize-space(@src) != ''">
      <imageobject>
        <imagedata fileref="{normalize-space(@src)}">
          <xsl:if test="@width"><xsl:attribute name="contentwidth"><xsl:value-of select="concat(@width, 'px')"/></xsl:attribute></xsl:if>
          <xsl:if test="@height"><xsl:attribute name="contentdepth"><xsl:value-of select="concat(@height, 'px')"/></xsl:attribute></xsl:if>
        </imagedata>
      </imageobject>
    </xsl:if>
  </xsl:template>

  <!-- lists: an ordered list whose labels a numeration can show (a number
       or a letter or roman numeral in punctuation) is an orderedlist; one
       with other labels ("1bis", "b)bis", "2.1.1", "Step 3:", "1st") keeps them as
       the terms of a variablelist role="ordered", like a term list -->
  <xsl:template match="c:list" mode="db-block">
    <xsl:variable name="odd">
      <xsl:for-each select="c:item[normalize-space(@label) != '']">
        <xsl:variable name="l" select="normalize-space(@label)"/>
        <xsl:variable name="core" select="translate($l, '().', '')"/>
        <xsl:if test="contains(substring($l, 1, string-length($l) - 1), '.') or (translate($core, '0123456789', '') != '' and
                       translate($core, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', '') != '')
                      or contains($core, 'bis') or contains($core, 'ter') or contains($core, 'quater')">x</xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="@type = 'ordered' and $odd != ''">
        <variablelist role="ordered">
          <xsl:call-template name="db-varlist-entries"/>
        </variablelist>
        <xsl:text>&#10;</xsl:text>
      </xsl:when>
      <xsl:when test="@type = 'ordered'">
        <orderedlist>
          <xsl:variable name="num">
            <xsl:choose>
              <xsl:when test="@style = 'lower-alpha'">loweralpha</xsl:when>
              <xsl:when test="@style = 'upper-alpha'">upperalpha</xsl:when>
              <xsl:when test="@style = 'lower-roman'">lowerroman</xsl:when>
              <xsl:when test="@style = 'upper-roman'">upperroman</xsl:when>
              <xsl:when test="@style = 'decimal'">arabic</xsl:when>
            </xsl:choose>
          </xsl:variable>
          <xsl:if test="$num != ''"><xsl:attribute name="numeration"><xsl:value-of select="$num"/></xsl:attribute></xsl:if>
          <xsl:variable name="start"><xsl:call-template name="cd-list-start"/></xsl:variable>
          <xsl:if test="$start != 1">
            <xsl:attribute name="startingnumber"><xsl:value-of select="$start"/></xsl:attribute>
          </xsl:if>
          <xsl:apply-templates select="c:item" mode="db-block"/>
        </orderedlist>
        <xsl:text>&#10;</xsl:text>
      </xsl:when>
      <xsl:when test="@type = 'term'">
        <variablelist>
          <xsl:call-template name="db-varlist-entries"/>
        </variablelist>
        <xsl:text>&#10;</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <itemizedlist>
          <xsl:apply-templates select="c:item" mode="db-block"/>
        </itemizedlist>
        <xsl:text>&#10;</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="db-varlist-entries">
    <xsl:for-each select="c:item">
      <varlistentry>
        <term><xsl:call-template name="cd-item-label"/></term>
        <xsl:apply-templates select="." mode="db-block"/>
      </varlistentry>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="c:item" mode="db-block">
    <listitem>
      <xsl:apply-templates select="*" mode="db-block"/>
      <xsl:if test="not(*)"><para/></xsl:if>
    </listitem>
  </xsl:template>

  <!-- ================================================================ inlines -->
  <xsl:template match="text()" mode="db-inl">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="c:b" mode="db-inl">
    <emphasis role="bold"><xsl:apply-templates mode="db-inl"/></emphasis>
  </xsl:template>
  <xsl:template match="c:i" mode="db-inl">
    <emphasis><xsl:apply-templates mode="db-inl"/></emphasis>
  </xsl:template>
  <xsl:template match="c:u" mode="db-inl">
    <emphasis role="underline"><xsl:apply-templates mode="db-inl"/></emphasis>
  </xsl:template>
  <xsl:template match="c:sup" mode="db-inl">
    <superscript><xsl:apply-templates mode="db-inl"/></superscript>
  </xsl:template>
  <xsl:template match="c:sub" mode="db-inl">
    <subscript><xsl:apply-templates mode="db-inl"/></subscript>
  </xsl:template>
  <xsl:template match="c:code" mode="db-inl">
    <code><xsl:apply-templates mode="db-inl"/></code>
  </xsl:template>
  <!-- tracked changes (kept with the changes option "all"): revisionflag, and who and when in
       the revision attribute -->
  <xsl:template match="c:ins | c:del" mode="db-inl">
    <phrase>
      <xsl:attribute name="revisionflag">
        <xsl:choose>
          <xsl:when test="self::c:ins">added</xsl:when>
          <xsl:otherwise>deleted</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:if test="normalize-space(concat(@author, @date)) != ''">
        <xsl:attribute name="revision">
          <xsl:value-of select="normalize-space(concat(@author, ' ', @date))"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:apply-templates mode="db-inl"/>
    </phrase>
  </xsl:template>
  <xsl:template match="c:ins | c:del" mode="db-plain">
    <xsl:apply-templates mode="db-plain"/>
  </xsl:template>

  <xsl:template match="c:span" mode="db-inl">
    <phrase>
      <xsl:call-template name="db-langdir"/>
      <xsl:apply-templates mode="db-inl"/>
    </phrase>
  </xsl:template>
  <xsl:template match="c:ref" mode="db-inl">
    <phrase>
      <xsl:attribute name="role">
        <xsl:text>itu-ref</xsl:text>
        <xsl:if test="normalize-space(@type) != ''">
          <xsl:text> </xsl:text><xsl:value-of select="normalize-space(@type)"/>
        </xsl:if>
      </xsl:attribute>
      <xsl:apply-templates mode="db-inl"/>
    </phrase>
  </xsl:template>
  <xsl:template match="c:math" mode="db-inl">
    <inlineequation><mathphrase><xsl:value-of select="."/></mathphrase></inlineequation>
  </xsl:template>
  <xsl:template match="c:br" mode="db-inl">
    <xsl:text>&#10;</xsl:text>
  </xsl:template>
  <xsl:template match="c:anchor" mode="db-inl">
    <xsl:variable name="id"><xsl:call-template name="db-id-string"/></xsl:variable>
    <xsl:if test="$id != ''"><anchor><xsl:attribute name="xml:id"><xsl:value-of select="$id"/></xsl:attribute></anchor></xsl:if>
  </xsl:template>
  <xsl:template match="c:figure" mode="db-inl">
    <inlinemediaobject>
      <xsl:if test="@kind and @kind != 'picture'"><xsl:attribute name="role"><xsl:value-of select="@kind"/></xsl:attribute></xsl:if>
      <xsl:call-template name="db-imageobject"/>
      <textobject><phrase><xsl:call-template name="db-figure-phrase"/></phrase></textobject>
    </inlinemediaobject>
  </xsl:template>

  <xsl:template name="db-id-string">
    <xsl:variable name="e"><xsl:call-template name="db-id-probe"/></xsl:variable>
    <xsl:value-of select="$e"/>
  </xsl:template>
  <xsl:template name="db-id-probe">
    <xsl:if test="@id">
      <xsl:variable name="first">
        <xsl:call-template name="db-first"><xsl:with-param name="id" select="@id"/></xsl:call-template>
      </xsl:variable>
      <xsl:if test="$first = generate-id(.)
                    and contains($db-ncname-start, substring(@id, 1, 1))
                    and translate(@id, ' :/&#9;#?[]()', '') = @id">
        <xsl:value-of select="@id"/>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template match="c:note" mode="db-inl">
    <footnote>
      <xsl:call-template name="db-id"/>
      <!-- DocBook 5.0 wants an NMTOKEN: "1)" becomes "1", "*" is left out
           (the mark is usually typed at the start of the note text anyway) -->
      <xsl:variable name="label" select="translate(normalize-space(@label), $db-not-nmtoken, '')"/>
      <xsl:if test="$label != ''">
        <xsl:attribute name="label"><xsl:value-of select="$label"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="*" mode="db-block"/>
      <xsl:if test="not(*)"><para/></xsl:if>
    </footnote>
  </xsl:template>

  <xsl:template match="c:link" mode="db-inl">
    <xsl:variable name="href" select="normalize-space(@href)"/>
    <!-- the target's id when its first carrier keeps it (as db-id-probe) -->
    <xsl:variable name="tid">
      <xsl:if test="@target">
        <xsl:variable name="first">
          <xsl:call-template name="db-first"><xsl:with-param name="id" select="@target"/></xsl:call-template>
        </xsl:variable>
        <xsl:if test="$first != '' and contains($db-ncname-start, substring(@target, 1, 1))
                      and translate(@target, ' :/&#9;#?[]()', '') = @target">
          <xsl:value-of select="@target"/>
        </xsl:if>
      </xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$href != ''">
        <link xlink:href="{$href}">
          <xsl:apply-templates mode="db-inl"/>
          <xsl:if test="normalize-space(.) = '' and not(*)"><xsl:value-of select="$href"/></xsl:if>
        </link>
      </xsl:when>
      <xsl:when test="$tid != ''">
        <link linkend="{$tid}"><xsl:apply-templates mode="db-inl"/></link>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="db-inl"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ catch-all -->
  <xsl:template match="c:*" mode="db-block">
    <xsl:message terminate="yes">councildoc: unhandled element <xsl:value-of select="local-name()"/></xsl:message>
  </xsl:template>
  <xsl:template match="c:*" mode="db-inl">
    <xsl:message terminate="yes">councildoc: unhandled element <xsl:value-of select="local-name()"/></xsl:message>
  </xsl:template>
  <xsl:template match="c:*">
    <xsl:message terminate="yes">councildoc: unhandled element <xsl:value-of select="local-name()"/></xsl:message>
  </xsl:template>
</xsl:stylesheet>
