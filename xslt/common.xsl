<?xml version="1.0" encoding="UTF-8"?>
<!-- common.xsl - shared helpers of the councildoc stylesheets (included by
     council2docbook.xsl, council2md.xsl, council2txt.xsl).
     XSLT 1.0 + EXSLT common only. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:c="urn:councildoc:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:cdx="urn:councildoc:ext"
    xmlns:l="urn:councildoc:labels"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="c exsl l cdx">

  <!-- element-only content: whitespace between children is not text -->
  <xsl:strip-space elements="c:council c:meta c:summary c:purpose c:action c:references
                             c:section c:annex c:list c:item c:table c:row c:cell c:quote c:note
                             c:comments c:comment"/>

  <!-- councildoc's string functions in C (urn:councildoc:ext): where
       they are available the stylesheets call them in place of templates
       that compute the same strings (under xsltproc, the templates) -->
  <xsl:variable name="cd-ext" select="function-available('cdx:md-esc')"/>

  <!-- the document language: primary subtag of the root's xml:lang -->
  <xsl:variable name="cd-lang-full" select="translate(string(/c:council/@xml:lang),
      'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
  <xsl:variable name="cd-lang">
    <xsl:choose>
      <xsl:when test="contains($cd-lang-full, '-')"><xsl:value-of select="substring-before($cd-lang-full, '-')"/></xsl:when>
      <xsl:when test="contains($cd-lang-full, '_')"><xsl:value-of select="substring-before($cd-lang-full, '_')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$cd-lang-full"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- labels in the six ITU languages (English when the language is other),
       one string of records "#KEY|en=...|fr=...|es=...|ar=...|zh=...|ru=...|"
       and a last "#" (no label holds '|' or '#'): a string costs nothing to
       make at each run, where a tree of sixteen elements cost a third of the
       transformation of a short document -->
  <xsl:variable name="cd-labels" select='concat(
      "#agenda|en=Agenda item:|fr=Point de l&apos;ordre du jour:|es=Punto del orden del día:|ar=بند جدول الأعمال:|zh=议项：|ru=Пункт повестки дня:|",
      "#document|en=Document|fr=Document|es=Documento|ar=الوثيقة|zh=文件|ru=Документ|",
      "#original|en=Original:|fr=Original:|es=Original:|ar=الأصل:|zh=原文：|ru=Оригинал:|",
      "#purpose|en=Purpose|fr=Objet|es=Objeto|ar=الغرض|zh=目的|ru=Цель|",
      "#action|en=Action required|fr=Suite à donner|es=Acción solicitada|ar=الإجراء المطلوب|zh=需要采取的行动|ru=Необходимые действия|",
      "#references|en=References|fr=Références|es=Referencias|ar=المراجع|zh=参考文献|ru=Справочные материалы|",
      "#notes|en=Notes|fr=Notes|es=Notas|ar=الحواشي|zh=注释|ru=Примечания|",
      "#comments|en=Comments|fr=Commentaires|es=Comentarios|ar=التعليقات|zh=批注|ru=Комментарии|",
      "#image|en=Image|fr=Image|es=Imagen|ar=صورة|zh=图片|ru=Изображение|",
      "#chart|en=Chart|fr=Graphique|es=Gráfico|ar=رسم بياني|zh=图表|ru=Диаграмма|",
      "#drawing|en=Drawing|fr=Dessin|es=Dibujo|ar=رسم|zh=绘图|ru=Рисунок|",
      "#equation|en=Equation|fr=Équation|es=Ecuación|ar=معادلة|zh=公式|ru=Уравнение|",
      "#contents|en=Contents|fr=Table des matières|es=Índice|ar=المحتويات|zh=目录|ru=Содержание|",
      "#ins|en=inserted|fr=inséré|es=insertado|ar=مُدرج|zh=插入|ru=вставлено|",
      "#del|en=deleted|fr=supprimé|es=suprimido|ar=محذوف|zh=删除|ru=удалено|",
      "#untitled|en=Untitled|fr=Sans titre|es=Sin título|ar=بدون عنوان|zh=无标题|ru=Без названия|",
      "#")'/>

  <!-- cd-label: the label KEY in the document language -->
  <xsl:template name="cd-label">
    <xsl:param name="key"/>
    <xsl:variable name="e" select="substring-before(substring-after($cd-labels, concat('#', $key, '|')), '#')"/>
    <xsl:variable name="v" select="substring-before(substring-after(concat('|', $e), concat('|', $cd-lang, '=')), '|')"/>
    <xsl:choose>
      <xsl:when test="$v != ''"><xsl:value-of select="$v"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="substring-before(substring-after(concat('|', $e), '|en='), '|')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- cd-meta-lines: the header block as label + value strings, one per
       line (meeting, place, agenda, document, date, original, source);
       each line ends with a newline -->
  <xsl:template name="cd-meta-line">
    <xsl:param name="e"/>
    <xsl:choose>
      <xsl:when test="$e/self::c:agenda-item">
        <xsl:call-template name="cd-label"><xsl:with-param name="key" select="'agenda'"/></xsl:call-template>
        <xsl:text> </xsl:text>
      </xsl:when>
      <xsl:when test="$e/self::c:document">
        <xsl:call-template name="cd-label"><xsl:with-param name="key" select="'document'"/></xsl:call-template>
        <xsl:text> </xsl:text>
      </xsl:when>
      <xsl:when test="$e/self::c:original">
        <xsl:call-template name="cd-label"><xsl:with-param name="key" select="'original'"/></xsl:call-template>
        <xsl:text> </xsl:text>
      </xsl:when>
    </xsl:choose>
    <xsl:value-of select="normalize-space($e)"/>
  </xsl:template>

  <!-- the metadata elements shown as lines (title excluded); fields read from
       the page header or the document properties (@origin) are not body text -->
  <xsl:variable name="cd-meta-items"
      select="/c:council/c:meta/*[not(self::c:title)][not(@origin)][normalize-space(.) != '']"/>

  <!-- the title of the report (meta/title), when the body shows it -->
  <xsl:variable name="cd-title" select="normalize-space(/c:council/c:meta/c:title[not(@origin)])"/>
  <!-- the document's title for a title page: the one the report shows
       (in its header, or as a Recommendation's title heading), else the
       document properties' (often left over from a template) -->
  <xsl:variable name="cd-doc-title">
    <xsl:variable name="shown" select="normalize-space(/c:council/c:meta/c:title[not(@origin = 'properties')])"/>
    <xsl:choose>
      <xsl:when test="$shown != ''"><xsl:value-of select="$shown"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(/c:council/c:meta/c:title)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- cd-heading-text-prefix: "2.1 " for a numbered section, "" otherwise -->
  <xsl:template name="cd-num-prefix">
    <xsl:param name="s" select="."/>
    <xsl:if test="$s/self::c:section and normalize-space($s/@num) != ''">
      <xsl:value-of select="normalize-space($s/@num)"/>
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- cd-note-index: position of a note in document order (1-based) -->
  <!-- (every note is numbered once, in one pass over the document, into a
       small tree of its own that a key indexes by the note's generate-id():
       each look-up is then a hash look-up. The key is built on that small
       tree only, never on the document, so no other key is forced) -->
  <xsl:variable name="cd-note-nums-rtf">
    <xsl:for-each select="//c:note">
      <l:n i="{position()}" id="{generate-id()}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:key name="cd-note-num" match="l:n" use="@id"/>
  <xsl:template name="cd-note-index">
    <xsl:param name="n" select="."/>
    <xsl:variable name="id" select="generate-id($n)"/>
    <xsl:for-each select="exsl:node-set($cd-note-nums-rtf)">
      <xsl:value-of select="key('cd-note-num', $id)/@i"/>
    </xsl:for-each>
  </xsl:template>

  <!-- cd-item-label: the label of a list item as Word shows it: @label,
       else "•" in a bullet list, else computed from the list's style and
       start -->
  <xsl:template name="cd-item-label">
    <xsl:param name="item" select="."/>
    <xsl:variable name="list" select="$item/.."/>
    <xsl:choose>
      <xsl:when test="normalize-space($item/@label) != ''">
        <xsl:value-of select="normalize-space($item/@label)"/>
      </xsl:when>
      <xsl:when test="$list/@type = 'bullet'">
        <xsl:text>•</xsl:text>
      </xsl:when>
      <xsl:when test="$list/@type != 'ordered'"/>
      <xsl:otherwise>
        <xsl:variable name="start">
          <xsl:choose>
            <xsl:when test="string(number($list/@start)) != 'NaN'"><xsl:value-of select="number($list/@start)"/></xsl:when>
            <xsl:otherwise>1</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="n" select="$start + count($item/preceding-sibling::c:item)"/>
        <xsl:choose>
          <xsl:when test="$n &lt; 1 or $list/@style = 'decimal' or not($list/@style)"><xsl:value-of select="$n"/>.</xsl:when>
          <xsl:when test="$list/@style = 'lower-alpha'"><xsl:number value="$n" format="a"/>)</xsl:when>
          <xsl:when test="$list/@style = 'upper-alpha'"><xsl:number value="$n" format="A"/>.</xsl:when>
          <xsl:when test="$list/@style = 'lower-roman'"><xsl:number value="$n" format="i"/>)</xsl:when>
          <xsl:when test="$list/@style = 'upper-roman'"><xsl:number value="$n" format="I"/>.</xsl:when>
          <xsl:otherwise><xsl:value-of select="$n"/>.</xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- cd-replace: replace every FROM in TEXT by TO -->
  <xsl:template name="cd-replace">
    <xsl:param name="text"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="$from != '' and contains($text, $from)">
        <xsl:value-of select="substring-before($text, $from)"/>
        <xsl:value-of select="$to"/>
        <xsl:call-template name="cd-replace">
          <xsl:with-param name="text" select="substring-after($text, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- cd-indent: prefix every non-empty line of TEXT (except the first when
       FIRST is given: the first line gets FIRST instead) with PAD -->
  <xsl:template name="cd-indent">
    <xsl:param name="text"/>
    <xsl:param name="pad"/>
    <xsl:param name="first" select="$pad"/>
    <xsl:choose>
      <xsl:when test="$cd-ext"><xsl:value-of select="cdx:indent($text, $pad, $first)"/></xsl:when>
      <xsl:when test="contains($text, '&#10;')">
        <xsl:variable name="line" select="substring-before($text, '&#10;')"/>
        <xsl:if test="$line != ''"><xsl:value-of select="$first"/><xsl:value-of select="$line"/></xsl:if>
        <xsl:text>&#10;</xsl:text>
        <xsl:call-template name="cd-indent">
          <xsl:with-param name="text" select="substring-after($text, '&#10;')"/>
          <xsl:with-param name="pad" select="$pad"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$text != ''">
        <xsl:value-of select="$first"/><xsl:value-of select="$text"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- cd-spaces: N spaces -->
  <xsl:template name="cd-spaces">
    <xsl:param name="n" select="0"/>
    <xsl:if test="$n &gt; 0">
      <xsl:value-of select="substring('                                                                                ', 1, $n)"/>
      <xsl:if test="$n &gt; 80">
        <xsl:call-template name="cd-spaces"><xsl:with-param name="n" select="$n - 80"/></xsl:call-template>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- cd-figure-alt: a figure's text alternative: @alt, else @title (a
       caption is printed beside the picture, not repeated as its alt) -->
  <xsl:template name="cd-figure-alt">
    <xsl:choose>
      <xsl:when test="normalize-space(@alt) != ''"><xsl:value-of select="normalize-space(@alt)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(@title)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- cd-figure-label: what the figure is, in the document language:
       Image, Chart, Drawing or Equation (by @kind) -->
  <xsl:template name="cd-figure-label">
    <xsl:call-template name="cd-label">
      <xsl:with-param name="key">
        <xsl:choose>
          <xsl:when test="@kind = 'chart' or @kind = 'drawing' or @kind = 'equation'"><xsl:value-of select="@kind"/></xsl:when>
          <xsl:otherwise>image</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
