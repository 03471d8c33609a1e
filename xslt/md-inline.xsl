<?xml version="1.0" encoding="UTF-8"?>
<!-- md-inline.xsl - the inlines and lines of council2md.xsl (included by it): text with
     Markdown syntax backslash-escaped, **bold** / *italic* with delimiters
     placed where cmark-gfm accepts them, <sup>/<sub>, `code`, footnote
     references [^N], links [text](url) and bare URLs; a paragraph's
     inline Markdown cut into lines (m-para), each escaped at its start.

     XSLT 1.0 + EXSLT common.  Uses m-br of council2md.xsl. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:c="urn:councildoc:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:cdx="urn:councildoc:ext"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="c exsl cdx">

  <xsl:variable name="m-punct"
      select="concat('!&quot;#$%&amp;', &quot;'&quot;, '()*+,-./:;&lt;=&gt;?@[\]^_`{|}~',
                     '“”‘’«»‹›„‚–—―‐‑…¡¿·•§¶†‡′″。，、：；！？（）「」『』【】《》〈〉・')"/>
  <xsl:variable name="m-spacelike" select="'&#xA0;&#x202F;&#x2007;&#x3000;&#x2009;&#x200A;'"/>

  <!-- ================================================================ inlines -->
  <xsl:template match="text()" mode="m-inl">
    <xsl:choose>
      <xsl:when test="$cd-ext"><xsl:value-of select="cdx:md-text(.)"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="m-esc">
          <xsl:with-param name="s" select="translate(., '&#9;&#10;&#13;', '   ')"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="c:b" mode="m-inl">
    <xsl:call-template name="m-emph">
      <xsl:with-param name="delim" select="'**'"/>
      <xsl:with-param name="html" select="'strong'"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="c:i" mode="m-inl">
    <xsl:call-template name="m-emph">
      <xsl:with-param name="delim" select="'*'"/>
      <xsl:with-param name="html" select="'em'"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="c:u | c:span | c:ref | c:math" mode="m-inl">
    <xsl:apply-templates mode="m-inl"/>
  </xsl:template>
  <!-- tracked changes (kept with the changes option "all"): <ins> and <del>, which GFM
       renders; who and when in the title -->
  <xsl:template match="c:ins | c:del" mode="m-inl">
    <xsl:call-template name="m-rev-tag"/>
    <xsl:apply-templates mode="m-inl"/>
    <xsl:value-of select="concat('&lt;/', local-name(), '&gt;')"/>
  </xsl:template>
  <xsl:template name="m-rev-tag">
    <xsl:variable name="who" select="normalize-space(concat(@author, ' ', @date))"/>
    <xsl:value-of select="concat('&lt;', local-name())"/>
    <xsl:if test="$who != ''">
      <xsl:text> title="</xsl:text>
      <xsl:value-of select="translate($who, '&quot;&lt;&gt;&amp;', '    ')"/>
      <xsl:text>"</xsl:text>
    </xsl:if>
    <xsl:text>&gt;</xsl:text>
  </xsl:template>

  <xsl:template match="c:sup" mode="m-inl">&lt;sup&gt;<xsl:apply-templates mode="m-inl"/>&lt;/sup&gt;</xsl:template>
  <xsl:template match="c:sub" mode="m-inl">&lt;sub&gt;<xsl:apply-templates mode="m-inl"/>&lt;/sub&gt;</xsl:template>
  <xsl:template match="c:anchor" mode="m-inl"/>
  <xsl:template match="c:br" mode="m-inl"><xsl:value-of select="$m-br"/></xsl:template>
  <xsl:template match="c:note" mode="m-inl">
    <xsl:text>[^</xsl:text><xsl:call-template name="cd-note-index"/><xsl:text>]</xsl:text>
  </xsl:template>
  <!-- a figure: ![alt](src), or [Image: alt] when no picture file was
       written (a drawn figure, a chart, no media folder) -->
  <xsl:template match="c:figure" mode="m-inl">
    <xsl:variable name="alt"><xsl:call-template name="cd-figure-alt"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="normalize-space(@src) != ''">
        <xsl:text>![</xsl:text>
        <!-- brackets in the alt as character references, not "\[": the
             same text once rendered, and tools that find images with a
             simple pattern ("![^]]*]") still see the whole image -->
        <xsl:variable name="esc">
          <xsl:call-template name="m-esc"><xsl:with-param name="s" select="string($alt)"/></xsl:call-template>
        </xsl:variable>
        <xsl:variable name="open">
          <xsl:call-template name="cd-replace">
            <xsl:with-param name="text" select="string($esc)"/>
            <xsl:with-param name="from" select="'\['"/>
            <xsl:with-param name="to" select="'&amp;#91;'"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="cd-replace">
          <xsl:with-param name="text" select="string($open)"/>
          <xsl:with-param name="from" select="'\]'"/>
          <xsl:with-param name="to" select="'&amp;#93;'"/>
        </xsl:call-template>
        <xsl:if test="string($alt) = '' and @kind and @kind != 'picture'">
          <xsl:call-template name="cd-figure-label"/>
        </xsl:if>
        <xsl:text>](</xsl:text>
        <xsl:call-template name="m-url"><xsl:with-param name="u" select="normalize-space(@src)"/></xsl:call-template>
        <xsl:text>)</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="label">
          <xsl:call-template name="cd-figure-label"/>
          <xsl:if test="string($alt) != ''"><xsl:value-of select="concat(': ', $alt)"/></xsl:if>
        </xsl:variable>
        <xsl:text>\[</xsl:text>
        <xsl:call-template name="m-esc"><xsl:with-param name="s" select="string($label)"/></xsl:call-template>
        <xsl:text>\]</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="c:code" mode="m-inl">
    <xsl:variable name="t" select="normalize-space(translate(., '&#9;&#10;&#13;', '   '))"/>
    <xsl:choose>
      <xsl:when test="$t = ''"><xsl:value-of select="."/></xsl:when>
      <xsl:when test="contains($t, '`')"><xsl:value-of select="concat('`` ', $t, ' ``')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('`', $t, '`')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="c:link" mode="m-inl">
    <xsl:variable name="href" select="normalize-space(@href)"/>
    <xsl:variable name="text"><xsl:apply-templates mode="m-inl"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$href = ''"><xsl:value-of select="$text"/></xsl:when>
      <xsl:otherwise>
        <xsl:text>[</xsl:text>
        <xsl:choose>
          <xsl:when test="normalize-space($text) != ''"><xsl:value-of select="$text"/></xsl:when>
          <xsl:otherwise><xsl:call-template name="m-esc"><xsl:with-param name="s" select="$href"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
        <xsl:text>](</xsl:text>
        <xsl:call-template name="m-url"><xsl:with-param name="u" select="$href"/></xsl:call-template>
        <xsl:text>)</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- m-url: a link destination with spaces, parentheses, angle brackets
       and backslashes percent-encoded -->
  <xsl:template name="m-url">
    <xsl:param name="u"/>
    <xsl:param name="i" select="1"/>
    <xsl:variable name="from" select="substring(' ()&lt;&gt;\', $i, 1)"/>
    <xsl:choose>
      <xsl:when test="$cd-ext"><xsl:value-of select="cdx:md-url($u)"/></xsl:when>
      <xsl:when test="$i &gt; 6"><xsl:value-of select="$u"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="m-url">
          <xsl:with-param name="u">
            <xsl:call-template name="cd-replace">
              <xsl:with-param name="text" select="$u"/>
              <xsl:with-param name="from" select="$from"/>
              <xsl:with-param name="to" select="substring('%20%28%29%3C%3E%5C', 3 * $i - 2, 3)"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="i" select="$i + 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- m-emph: the current element's content between DELIM, leading and
       trailing spaces moved outside; HTML tags when the delimiters could
       not open/close (punctuation against a letter, space-like edges,
       another emphasis right next to it) -->
  <xsl:template name="m-emph">
    <xsl:param name="delim"/>
    <xsl:param name="html"/>
    <xsl:choose>
      <!-- one text node: cdx:md-emph writes what the rest of the template
           does with its md-text, without the temporary tree -->
      <xsl:when test="$cd-ext and not(* or text()[2])">
        <xsl:value-of select="cdx:md-emph(cdx:md-text(.), $delim, $html, .)"/>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="m-emph-xsl">
        <xsl:with-param name="delim" select="$delim"/>
        <xsl:with-param name="html" select="$html"/>
      </xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="m-emph-xsl">
    <xsl:param name="delim"/>
    <xsl:param name="html"/>
    <xsl:variable name="raw"><xsl:apply-templates mode="m-inl"/></xsl:variable>
    <xsl:variable name="core" select="normalize-space($raw)"/>
    <xsl:choose>
      <xsl:when test="$core = '' or translate($core, $m-br, '') = ''"><xsl:value-of select="$raw"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="lead" select="starts-with(translate($raw, '&#9;&#10;', '  '), ' ')"/>
        <xsl:variable name="trail" select="substring(translate($raw, '&#9;&#10;', '  '), string-length($raw)) = ' '"/>
        <xsl:variable name="first" select="substring($core, 1, 1)"/>
        <xsl:variable name="last" select="substring($core, string-length($core))"/>
        <xsl:variable name="prev" select="preceding-sibling::node()[1]"/>
        <xsl:variable name="next" select="following-sibling::node()[1]"/>
        <xsl:variable name="prevch" select="substring($prev, string-length($prev))"/>
        <xsl:variable name="nextch" select="substring($next, 1, 1)"/>
        <xsl:variable name="bad-open" select="not($lead) and contains($m-punct, $first) and $prev[self::text()]
            and $prevch != '' and $prevch != ' ' and not(contains($m-punct, $prevch)) and not(contains($m-spacelike, $prevch))"/>
        <xsl:variable name="bad-close" select="not($trail) and contains($m-punct, $last) and $next[self::text()]
            and $nextch != '' and $nextch != ' ' and not(contains($m-punct, $nextch)) and not(contains($m-spacelike, $nextch))"/>
        <xsl:variable name="bad-edge" select="contains($m-spacelike, $first) or contains($m-spacelike, $last)
            or $first = $m-br or $last = $m-br"/>
        <xsl:variable name="bad-neighbour" select="(not($lead) and $prev[self::c:b or self::c:i])
            or (not($trail) and $next[self::c:b or self::c:i])
            or (self::c:b and ancestor::c:b) or (self::c:i and ancestor::c:i)"/>
        <xsl:if test="$lead"><xsl:text> </xsl:text></xsl:if>
        <xsl:choose>
          <xsl:when test="$bad-open or $bad-close or $bad-edge or $bad-neighbour">
            <xsl:value-of select="concat('&lt;', $html, '&gt;', $core, '&lt;/', $html, '&gt;')"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="concat($delim, $core, $delim)"/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$trail"><xsl:text> </xsl:text></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- m-esc: backslash-escape the Markdown punctuation of S -->
  <xsl:template name="m-esc">
    <xsl:param name="s"/>
    <xsl:param name="i" select="1"/>
    <xsl:variable name="chars" select="'\`*[]&lt;&gt;|~&amp;#'"/>
    <xsl:choose>
      <xsl:when test="$cd-ext"><xsl:value-of select="cdx:md-esc($s)"/></xsl:when>
      <xsl:when test="$i &gt; string-length($chars) or translate($s, $chars, '') = $s">
        <xsl:call-template name="m-esc-us"><xsl:with-param name="s" select="$s"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="ch" select="substring($chars, $i, 1)"/>
        <xsl:call-template name="m-esc">
          <xsl:with-param name="s">
            <xsl:call-template name="cd-replace">
              <xsl:with-param name="text" select="$s"/>
              <xsl:with-param name="from" select="$ch"/>
              <xsl:with-param name="to" select="concat('\', $ch)"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="i" select="$i + 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- m-esc-us: S with "_" escaped, except between two ASCII letters or
       digits ("Table_id", "snake_case"), where GFM never reads it as
       emphasis (an intraword "_" can neither open nor close it).  PREV is
       the character before S. -->
  <xsl:variable name="m-alnum" select="'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'"/>
  <xsl:template name="m-esc-us">
    <xsl:param name="s"/>
    <xsl:param name="prev" select="''"/>
    <xsl:choose>
      <xsl:when test="not(contains($s, '_'))"><xsl:value-of select="$s"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="before" select="substring-before($s, '_')"/>
        <xsl:variable name="after" select="substring-after($s, '_')"/>
        <xsl:variable name="p" select="substring(concat($prev, $before), string-length(concat($prev, $before)))"/>
        <xsl:variable name="n" select="substring($after, 1, 1)"/>
        <xsl:value-of select="$before"/>
        <xsl:if test="$p = '' or $n = '' or translate(concat($p, $n), $m-alnum, '') != ''">\</xsl:if>
        <xsl:text>_</xsl:text>
        <xsl:call-template name="m-esc-us">
          <xsl:with-param name="s" select="$after"/>
          <xsl:with-param name="prev" select="'_'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- ================================================================ lines -->
  <!-- the characters that send a paragraph to the general path: those
       m-esc escapes and the break mark -->
  <xsl:variable name="m-plain-no" select="concat('\`*_[]&lt;&gt;|~&amp;#', $m-br)"/>

  <!-- m-plain-line: S (normalized, nothing to escape) as m-line-start
       writes it; the template is called only when S starts with a
       character it may escape -->
  <xsl:template name="m-plain-line">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains('+-=#0123456789', substring($s, 1, 1))">
        <xsl:call-template name="m-line-start"><xsl:with-param name="s" select="$s"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- m-para: inline Markdown with U+E000 marks as paragraph lines; each
       line escaped at its start so that it cannot open a block -->
  <xsl:template name="m-para">
    <xsl:param name="text"/>
    <xsl:param name="first" select="true()"/>
    <xsl:choose>
      <xsl:when test="$cd-ext"><xsl:value-of select="cdx:md-para($text)"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="m-para-xsl"><xsl:with-param name="text" select="$text"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="m-para-xsl">
    <xsl:param name="text"/>
    <xsl:param name="first" select="true()"/>
    <xsl:variable name="seg">
      <xsl:choose>
        <xsl:when test="contains($text, $m-br)"><xsl:value-of select="normalize-space(substring-before($text, $m-br))"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space($text)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="rest" select="substring-after($text, $m-br)"/>
    <xsl:variable name="more" select="contains($text, $m-br) and normalize-space(translate($rest, $m-br, ' ')) != ''"/>
    <xsl:choose>
      <xsl:when test="$seg = '' and $more">
        <xsl:call-template name="m-para-xsl">
          <xsl:with-param name="text" select="$rest"/>
          <xsl:with-param name="first" select="$first"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$seg = ''"/>
      <xsl:otherwise>
        <xsl:call-template name="m-line-start"><xsl:with-param name="s" select="string($seg)"/></xsl:call-template>
        <xsl:choose>
          <xsl:when test="$more">
            <xsl:text>\&#10;</xsl:text>
            <xsl:call-template name="m-para-xsl">
              <xsl:with-param name="text" select="$rest"/>
              <xsl:with-param name="first" select="false()"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise><xsl:text>&#10;</xsl:text></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- m-line-start: S with its start escaped: "#", "+", "-", "=" and
       ordered-list markers ("1." "1)") cannot open a block -->
  <xsl:template name="m-line-start">
    <xsl:param name="s"/>
    <xsl:variable name="c1" select="substring($s, 1, 1)"/>
    <xsl:choose>
      <xsl:when test="$c1 = '+' or $c1 = '-' or $c1 = '=' or $c1 = '#'">
        <xsl:text>\</xsl:text><xsl:value-of select="$s"/>
      </xsl:when>
      <xsl:when test="contains('0123456789', $c1) and $c1 != ''">
        <xsl:variable name="lead">
          <xsl:call-template name="m-lead-digits"><xsl:with-param name="s" select="$s"/></xsl:call-template>
        </xsl:variable>
        <xsl:variable name="after" select="substring($s, $lead + 1, 1)"/>
        <xsl:choose>
          <xsl:when test="$lead &lt;= 9 and ($after = '.' or $after = ')')
                          and contains(' &#9;', substring(concat($s, ' '), $lead + 2, 1))">
            <xsl:value-of select="substring($s, 1, $lead)"/>
            <xsl:text>\</xsl:text>
            <xsl:value-of select="substring($s, $lead + 1)"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="m-lead-digits">
    <xsl:param name="s"/>
    <xsl:param name="n" select="0"/>
    <xsl:choose>
      <xsl:when test="$n &lt; 12 and string-length(substring($s, $n + 1, 1)) = 1 and contains('0123456789', substring($s, $n + 1, 1))">
        <xsl:call-template name="m-lead-digits">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="n" select="$n + 1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$n"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
