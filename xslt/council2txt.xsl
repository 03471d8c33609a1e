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

     XSLT 1.0 + EXSLT (exsl:node-set, str:encode-uri for character widths).
     Works the same under xsltproc and libxslt in-process. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:c="urn:councildoc:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    extension-element-prefixes="exsl str"
    exclude-result-prefixes="c exsl str">

  <xsl:include href="common.xsl"/>

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

  <!-- tables: 'once' = the header row as a line of its own, data rows as
       cells joined by "; "; 'repeat' = each data cell prefixed with its
       column's header ("Year: 2022; Income: 12.3") -->
  <xsl:param name="table-headers" select="'once'"/>

  <!-- U+E000 marks a line break (c:br) inside a paragraph until lines are cut -->
  <xsl:variable name="t-br" select="'&#xE000;'"/>
  <xsl:variable name="t-ascii"
      select="concat(' !&quot;#$%&amp;', &quot;'&quot;, '()*+,-./0123456789:;&lt;=&gt;?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~')"/>
  <!-- characters known to be one column wide: printable ASCII, Latin-1 and
       Latin Extended-A/B, Greek, Cyrillic, Hebrew, Arabic, Devanagari,
       general punctuation, currency signs (a fast path for wrapping) -->
  <xsl:variable name="t-narrow" select="concat($t-ascii, ' ¡¢£¤¥¦§¨©ª«¬­®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĲĳĴĵĶķĸĹĺĻļĽľĿŀŁłŃńŅņŇňŉŊŋŌōŎŏŐőŒœŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſƀƁƂƃƄƅƆƇƈƉƊƋƌƍƎƏƐƑƒƓƔƕƖƗƘƙƚƛƜƝƞƟƠơƢƣƤƥƦƧƨƩƪƫƬƭƮƯưƱƲƳƴƵƶƷƸƹƺƻƼƽƾƿǀǁǂǃǄǅǆǇǈǉǊǋǌǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǝǞǟǠǡǢǣǤǥǦǧǨǩǪǫǬǭǮǯǰǱǲǳǴǵǶǷǸǹǺǻǼǽǾǿȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȜȝȞȟȠȡȢȣȤȥȦȧȨȩȪȫȬȭȮȯȰȱȲȳȴȵȶȷȸȹȺȻȼȽȾȿɀɁɂɃɄɅɆɇɈɉɊɋɌɍɎɏͰͱͲͳʹ͵Ͷͷ͸͹ͺͻͼͽ;Ϳ΀΁΂΃΄΅Ά·ΈΉΊ΋Ό΍ΎΏΐΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡ΢ΣΤΥΦΧΨΩΪΫάέήίΰαβγδεζηθικλμνξοπρςστυφχψωϊϋόύώϏϐϑϒϓϔϕϖϗϘϙϚϛϜϝϞϟϠϡϢϣϤϥϦϧϨϩϪϫϬϭϮϯϰϱϲϳϴϵ϶ϷϸϹϺϻϼϽϾϿЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюяѐёђѓєѕіїјљњћќѝўџѠѡѢѣѤѥѦѧѨѩѪѫѬѭѮѯѰѱѲѳѴѵѶѷѸѹѺѻѼѽѾѿҀҁ҂҃҄҅҆҇҈҉ҊҋҌҍҎҏҐґҒғҔҕҖҗҘҙҚқҜҝҞҟҠҡҢңҤҥҦҧҨҩҪҫҬҭҮүҰұҲҳҴҵҶҷҸҹҺһҼҽҾҿӀӁӂӃӄӅӆӇӈӉӊӋӌӍӎӏӐӑӒӓӔӕӖӗӘәӚӛӜӝӞӟӠӡӢӣӤӥӦӧӨөӪӫӬӭӮӯӰӱӲӳӴӵӶӷӸӹӺӻӼӽӾӿԀԁԂԃԄԅԆԇԈԉԊԋԌԍԎԏԐԑԒԓԔԕԖԗԘԙԚԛԜԝԞԟԠԡԢԣԤԥԦԧԨԩԪԫԬԭԮԯ֐ְֱֲֳִֵֶַָֹֺֻּֽ֑֖֛֢֣֤֥֦֧֪֚֭֮֒֓֔֕֗֘֙֜֝֞֟֠֡֨֩֫֬֯־ֿ׀ׁׂ׃ׅׄ׆ׇ׈׉׊׋׌׍׎׏אבגדהוזחטיךכלםמןנסעףפץצקרשת׫׬׭׮ׯװױײ׳״׵׶׷׸׹׺׻׼׽׾׿؀؁؂؃؄؅؆؇؈؉؊؋،؍؎؏ؘؙؚؐؑؒؓؔؕؖؗ؛؜؝؞؟ؠءآأؤإئابةتثجحخدذرزسشصضطظعغػؼؽؾؿـفقكلمنهوىيًٌٍَُِّْٕٖٜٟٓٔٗ٘ٙٚٛٝٞ٠١٢٣٤٥٦٧٨٩٪٫٬٭ٮٯٰٱٲٳٴٵٶٷٸٹٺٻټٽپٿڀځڂڃڄڅچڇڈډڊڋڌڍڎڏڐڑڒړڔڕږڗژڙښڛڜڝڞڟڠڡڢڣڤڥڦڧڨکڪګڬڭڮگڰڱڲڳڴڵڶڷڸڹںڻڼڽھڿۀہۂۃۄۅۆۇۈۉۊۋیۍێۏېۑےۓ۔ەۖۗۘۙۚۛۜ۝۞ۣ۟۠ۡۢۤۥۦۧۨ۩۪ۭ۫۬ۮۯ۰۱۲۳۴۵۶۷۸۹ۺۻۼ۽۾ۿऀँंःऄअआइईउऊऋऌऍऎएऐऑऒओऔकखगघङचछजझञटठडढणतथदधनऩपफबभमयरऱलळऴवशषसहऺऻ़ऽािीुूृॄॅॆेैॉॊोौ्ॎॏॐ॒॑॓॔ॕॖॗक़ख़ग़ज़ड़ढ़फ़य़ॠॡॢॣ।॥०१२३४५६७८९॰ॱॲॳॴॵॶॷॸॹॺॻॼॽॾॿ‐‑‒–—―‖‗‘’‚‛“”„‟†‡•‣․‥…‧‰‱′″‴‵‶‷‸‹›※‼‽‾‿⁀⁁⁂⁃⁄⁅⁆⁇⁈⁉⁊⁋⁌⁍⁎⁏⁐⁑⁒⁓⁔⁕⁖⁗⁘⁙⁚⁛⁜⁝⁞₠₡₢₣₤₥₦₧₨₩₪₫€₭₮₯₰₱₲₳₴₵₶₷₸₹₺₻₼₽₾₿')"/>
  <xsl:variable name="t-ltr" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'"/>

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
    <xsl:variable name="head">
      <xsl:call-template name="cd-num-prefix"/>
      <xsl:apply-templates select="c:title/node()" mode="t-inl"/>
    </xsl:variable>
    <xsl:call-template name="t-lines">
      <xsl:with-param name="text" select="string($head)"/>
      <xsl:with-param name="ctx" select="c:title"/>
    </xsl:call-template>
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

  <!-- t-blocks: render NODES in order; SEP after each non-empty one -->
  <xsl:template name="t-blocks">
    <xsl:param name="nodes"/>
    <xsl:param name="ind" select="0"/>
    <xsl:param name="sep" select="''"/>
    <xsl:for-each select="$nodes">
      <xsl:variable name="out">
        <xsl:apply-templates select="." mode="t-block">
          <xsl:with-param name="ind" select="$ind"/>
        </xsl:apply-templates>
      </xsl:variable>
      <xsl:if test="string($out) != ''">
        <xsl:call-template name="t-trim-nl"><xsl:with-param name="s" select="string($out)"/></xsl:call-template>
        <xsl:text>&#10;</xsl:text>
        <xsl:value-of select="$sep"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- t-trim-nl: S without its trailing newlines -->
  <xsl:template name="t-trim-nl">
    <xsl:param name="s"/>
    <!-- up to two newlines per step: long blocks are copied less often -->
    <xsl:variable name="len" select="string-length($s)"/>
    <xsl:choose>
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
        <xsl:text>&#10;</xsl:text>
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
    <xsl:variable name="text"><xsl:apply-templates mode="t-inl"/></xsl:variable>
    <xsl:call-template name="t-lines">
      <xsl:with-param name="text" select="string($text)"/>
      <xsl:with-param name="ind" select="$ind"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="c:figure" mode="t-block">
    <xsl:param name="ind" select="0"/>
    <xsl:variable name="text"><xsl:apply-templates select="." mode="t-inl"/></xsl:variable>
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

  <xsl:template match="c:list" mode="t-block">
    <xsl:param name="ind" select="0"/>
    <xsl:for-each select="c:item">
      <xsl:variable name="mark">
        <xsl:call-template name="cd-item-label"/>
        <xsl:text> </xsl:text>
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

  <!-- tables: one line per row, cells joined by "; "; with
       $table-headers = 'repeat' data rows read "Header: value; Header: value" -->
  <xsl:template match="c:table" mode="t-block">
    <xsl:param name="ind" select="0"/>
    <xsl:variable name="head" select="c:row[1][@header = 'true']"/>
    <xsl:for-each select="c:row">
      <xsl:variable name="is-head" select="@header = 'true'"/>
      <xsl:variable name="line">
        <xsl:for-each select="c:cell">
          <xsl:variable name="pos" select="position()"/>
          <xsl:variable name="v">
            <xsl:call-template name="t-cell-text"/>
          </xsl:variable>
          <xsl:variable name="h">
            <xsl:if test="$table-headers = 'repeat' and $head and not($is-head)">
              <xsl:for-each select="$head/c:cell[$pos]"><xsl:call-template name="t-cell-text"/></xsl:for-each>
            </xsl:if>
          </xsl:variable>
          <xsl:if test="position() &gt; 1"><xsl:text>; </xsl:text></xsl:if>
          <xsl:if test="normalize-space($h) != ''">
            <xsl:value-of select="normalize-space($h)"/><xsl:text>: </xsl:text>
          </xsl:if>
          <xsl:value-of select="$v"/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:call-template name="t-lines">
        <xsl:with-param name="text" select="string($line)"/>
        <xsl:with-param name="ind" select="$ind"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="t-cell-text">
    <xsl:for-each select="*">
      <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
      <xsl:apply-templates select="." mode="t-cell"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="c:p | c:figure" mode="t-cell">
    <xsl:variable name="t"><xsl:apply-templates select="self::c:p/node() | self::c:figure" mode="t-inl"/></xsl:variable>
    <xsl:value-of select="normalize-space(translate($t, $t-br, ' '))"/>
  </xsl:template>
  <xsl:template match="c:list | c:quote" mode="t-cell">
    <xsl:for-each select="*">
      <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
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

  <!-- ================================================================ inlines -->
  <xsl:template match="text()" mode="t-inl">
    <xsl:value-of select="translate(., '&#9;&#10;&#13;', '   ')"/>
  </xsl:template>

  <xsl:template match="c:b | c:i | c:u | c:sup | c:sub | c:code | c:span | c:ref | c:math" mode="t-inl">
    <xsl:apply-templates mode="t-inl"/>
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
    <xsl:call-template name="cd-label"><xsl:with-param name="key" select="'image'"/></xsl:call-template>
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

  <!-- ================================================================ lines -->
  <!-- t-lines: TEXT (with U+E000 line-break marks) as output lines: each
       segment space-normalised, wrapped to $t-width - IND columns, put in
       an RLI/PDI isolate when the context is right-to-left and the line
       holds left-to-right characters.  Each line ends with a newline. -->
  <xsl:template name="t-lines">
    <xsl:param name="text"/>
    <xsl:param name="ind" select="0"/>
    <xsl:param name="ctx" select="."/>
    <xsl:variable name="rtl">
      <xsl:call-template name="cd-is-rtl"><xsl:with-param name="n" select="$ctx"/></xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="t-segments">
      <xsl:with-param name="text" select="$text"/>
      <xsl:with-param name="ind" select="$ind"/>
      <xsl:with-param name="rtl" select="$rtl = 'yes'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="t-segments">
    <xsl:param name="text"/>
    <xsl:param name="ind"/>
    <xsl:param name="rtl"/>
    <xsl:variable name="seg">
      <xsl:choose>
        <xsl:when test="contains($text, $t-br)"><xsl:value-of select="normalize-space(substring-before($text, $t-br))"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space($text)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="$seg != ''">
      <xsl:choose>
        <xsl:when test="$t-width &gt; 0">
          <xsl:call-template name="t-wrap">
            <xsl:with-param name="text" select="string($seg)"/>
            <xsl:with-param name="width">
              <xsl:choose>
                <xsl:when test="$t-width - $ind &lt; 10">10</xsl:when>
                <xsl:otherwise><xsl:value-of select="$t-width - $ind"/></xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
            <xsl:with-param name="rtl" select="$rtl"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="t-line">
            <xsl:with-param name="text" select="string($seg)"/>
            <xsl:with-param name="rtl" select="$rtl"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
    <xsl:if test="contains($text, $t-br)">
      <xsl:call-template name="t-segments">
        <xsl:with-param name="text" select="substring-after($text, $t-br)"/>
        <xsl:with-param name="ind" select="$ind"/>
        <xsl:with-param name="rtl" select="$rtl"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- one output line, isolated when needed -->
  <xsl:template name="t-line">
    <xsl:param name="text"/>
    <xsl:param name="rtl" select="false()"/>
    <xsl:choose>
      <xsl:when test="$rtl and translate($text, $t-ltr, '') != $text">
        <xsl:text>&#x2067;</xsl:text><xsl:value-of select="$text"/><xsl:text>&#x2069;</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- t-wrap: greedy wrapping of TEXT (no line breaks, normalised) at WIDTH
       columns; breaks at spaces or between two wide characters -->
  <xsl:template name="t-wrap">
    <xsl:param name="text"/>
    <xsl:param name="width"/>
    <xsl:param name="rtl"/>
    <xsl:choose>
      <xsl:when test="string-length($text) * 2 &lt;= $width">
        <xsl:call-template name="t-line">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="rtl" select="$rtl"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="cand" select="substring($text, 1, $width + 1)"/>
        <xsl:variable name="fit">
          <xsl:choose>
            <xsl:when test="translate($cand, $t-narrow, '') = ''">
              <!-- every character one column wide -->
              <xsl:variable name="sp">
                <xsl:call-template name="t-last-space"><xsl:with-param name="s" select="$cand"/></xsl:call-template>
              </xsl:variable>
              <xsl:choose>
                <xsl:when test="string-length($text) &lt;= $width">all</xsl:when>
                <xsl:when test="$sp &gt; 1"><xsl:value-of select="$sp - 1"/>:1</xsl:when>
                <!-- a word longer than the line is not cut: a screen reader
                     would read its halves as two words -->
                <xsl:when test="contains($text, ' ')"><xsl:value-of select="string-length(substring-before($text, ' '))"/>:1</xsl:when>
                <xsl:otherwise>all</xsl:otherwise>
              </xsl:choose>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="t-fit">
                <xsl:with-param name="text" select="$text"/>
                <xsl:with-param name="width" select="$width"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <!-- fit = "all" or "N:S": take N characters, skip S (a space) -->
        <xsl:choose>
          <xsl:when test="$fit = 'all'">
            <xsl:call-template name="t-line">
              <xsl:with-param name="text" select="$text"/>
              <xsl:with-param name="rtl" select="$rtl"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="n" select="number(substring-before($fit, ':'))"/>
            <xsl:variable name="s" select="number(substring-after($fit, ':'))"/>
            <xsl:call-template name="t-line">
              <xsl:with-param name="text" select="substring($text, 1, $n)"/>
              <xsl:with-param name="rtl" select="$rtl"/>
            </xsl:call-template>
            <xsl:variable name="rest" select="substring($text, $n + $s + 1)"/>
            <xsl:if test="$rest != ''">
              <xsl:call-template name="t-wrap">
                <xsl:with-param name="text" select="$rest"/>
                <xsl:with-param name="width" select="$width"/>
                <xsl:with-param name="rtl" select="$rtl"/>
              </xsl:call-template>
            </xsl:if>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- t-last-space: position of the last space in S (0: none) -->
  <xsl:template name="t-last-space">
    <xsl:param name="s"/>
    <xsl:param name="off" select="0"/>
    <xsl:choose>
      <xsl:when test="contains($s, ' ')">
        <xsl:call-template name="t-last-space">
          <xsl:with-param name="s" select="substring-after($s, ' ')"/>
          <xsl:with-param name="off" select="$off + string-length(substring-before($s, ' ')) + 1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$off"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- t-fit: walk TEXT from POS with COL columns used; BRK:SKIP is the
       last break found (take BRK characters, skip SKIP); PREVWIDE says the
       previous character was wide -->
  <xsl:template name="t-fit">
    <xsl:param name="text"/>
    <xsl:param name="width"/>
    <xsl:param name="pos" select="1"/>
    <xsl:param name="col" select="0"/>
    <xsl:param name="brk" select="0"/>
    <xsl:param name="skip" select="0"/>
    <xsl:param name="prevwide" select="false()"/>
    <xsl:variable name="ch" select="substring($text, $pos, 1)"/>
    <xsl:choose>
      <xsl:when test="$ch = ''">all</xsl:when>
      <xsl:otherwise>
        <xsl:variable name="w">
          <xsl:call-template name="t-char-width"><xsl:with-param name="ch" select="$ch"/></xsl:call-template>
        </xsl:variable>
        <xsl:variable name="wide" select="$w = 2"/>
        <xsl:choose>
          <xsl:when test="$ch = ' ' and $col &lt;= $width">
            <!-- a space: a break (the space is dropped) -->
            <xsl:call-template name="t-fit">
              <xsl:with-param name="text" select="$text"/>
              <xsl:with-param name="width" select="$width"/>
              <xsl:with-param name="pos" select="$pos + 1"/>
              <xsl:with-param name="col" select="$col + 1"/>
              <xsl:with-param name="brk" select="$pos - 1"/>
              <xsl:with-param name="skip" select="1"/>
              <xsl:with-param name="prevwide" select="false()"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:when test="$col + $w &gt; $width">
            <!-- overflow: the last break, else a hard break here -->
            <xsl:choose>
              <xsl:when test="$wide and $prevwide and $pos &gt; 1"><xsl:value-of select="$pos - 1"/>:0</xsl:when>
              <xsl:when test="$brk &gt; 0"><xsl:value-of select="$brk"/>:<xsl:value-of select="$skip"/></xsl:when>
              <xsl:when test="$pos &gt; 1 and not($wide) and contains($text, ' ')">
                <!-- a long narrow word: kept whole, as above -->
                <xsl:value-of select="string-length(substring-before($text, ' '))"/>:1</xsl:when>
              <xsl:when test="$pos &gt; 1 and not($wide)">all</xsl:when>
              <xsl:when test="$pos &gt; 1"><xsl:value-of select="$pos - 1"/>:0</xsl:when>
              <xsl:otherwise>1:0</xsl:otherwise>
            </xsl:choose>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="nb">
              <xsl:choose>
                <xsl:when test="$wide and $prevwide"><xsl:value-of select="$pos - 1"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$brk"/></xsl:otherwise>
              </xsl:choose>
            </xsl:variable>
            <xsl:call-template name="t-fit">
              <xsl:with-param name="text" select="$text"/>
              <xsl:with-param name="width" select="$width"/>
              <xsl:with-param name="pos" select="$pos + 1"/>
              <xsl:with-param name="col" select="$col + $w"/>
              <xsl:with-param name="brk" select="number($nb)"/>
              <xsl:with-param name="skip">
                <xsl:choose>
                  <xsl:when test="$wide and $prevwide">0</xsl:when>
                  <xsl:otherwise><xsl:value-of select="$skip"/></xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
              <xsl:with-param name="prevwide" select="$wide"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- t-char-width: 2 for East Asian wide/fullwidth characters, else 1.
       The code point is read from the UTF-8 bytes str:encode-uri gives. -->
  <xsl:template name="t-char-width">
    <xsl:param name="ch"/>
    <xsl:choose>
      <xsl:when test="contains($t-ascii, $ch)">1</xsl:when>
      <xsl:otherwise>
        <xsl:variable name="e" select="str:encode-uri($ch, true())"/>
        <xsl:variable name="b1" select="substring($e, 2, 2)"/>
        <xsl:variable name="b2" select="substring($e, 5, 2)"/>
        <xsl:variable name="b3" select="substring($e, 8, 2)"/>
        <xsl:choose>
          <!-- U+1100-U+115F Hangul Jamo leading consonants -->
          <xsl:when test="$b1 = 'E1' and ($b2 = '84' or ($b2 = '85' and contains('8089', substring($b3, 1, 1))))">2</xsl:when>
          <!-- U+2E80-U+2FFF CJK radicals, Kangxi, ideographic description -->
          <xsl:when test="$b1 = 'E2' and contains('BA BB BC BD BE BF', $b2)">2</xsl:when>
          <!-- U+3000-U+9FFF CJK symbols, kana, Hangul compatibility, ideographs -->
          <xsl:when test="contains('E3 E4 E5 E6 E7 E8 E9', $b1)">2</xsl:when>
          <!-- U+A000-U+A4CF Yi; U+A960-A97F; U+AC00-U+AFFF Hangul -->
          <xsl:when test="$b1 = 'EA' and (contains('80 81 82 83 84 85 86 87 88 89 8A 8B 8C 8D 8E 8F 90 91 92 93 A5 B0 B1 B2 B3 B4 B5 B6 B7 B8 B9 BA BB BC BD BE BF', $b2))">2</xsl:when>
          <!-- U+B000-U+D7A3 Hangul syllables -->
          <xsl:when test="$b1 = 'EB' or $b1 = 'EC' or ($b1 = 'ED' and contains('80 81 82 83 84 85 86 87 88 89 8A 8B 8C 8D 8E 8F 90 91 92 93 94 95 96 97 98 99 9A 9B 9C 9D 9E', $b2))">2</xsl:when>
          <!-- U+F900-U+FAFF compatibility ideographs -->
          <xsl:when test="$b1 = 'EF' and contains('A4 A5 A6 A7 A8 A9 AA AB', $b2)">2</xsl:when>
          <!-- U+FE10-FE19 vertical forms, U+FE30-U+FE6F CJK compatibility, small forms -->
          <xsl:when test="$b1 = 'EF' and ($b2 = 'B9' or ($b2 = 'B8' and contains('9 B C D E F', substring($b3, 1, 1)) and $b3 != '9A' and $b3 != '9B' and $b3 != '9C' and $b3 != '9D' and $b3 != '9E' and $b3 != '9F'))">2</xsl:when>
          <!-- U+FF01-U+FF60 fullwidth forms, U+FFE0-U+FFE6 -->
          <xsl:when test="$b1 = 'EF' and ($b2 = 'BC' or ($b2 = 'BD' and (contains('8 9', substring($b3, 1, 1)) or $b3 = 'A0')) or ($b2 = 'BF' and contains('A0 A1 A2 A3 A4 A5 A6', $b3)))">2</xsl:when>
          <!-- U+20000-U+3FFFD supplementary ideographs; U+1F300-U+1F64F emoji -->
          <xsl:when test="$b1 = 'F0' and (contains('A0 A1 A2 A3 A4 A5 A6 A7 A8 A9 AA AB AC AD AE AF B0 B1 B2 B3 B4 B5 B6 B7 B8 B9 BA BB BC BD BE BF', $b2)
                          or ($b2 = '9F' and contains('8C 8D 8E 8F 90 91 92 93 94 95 96 97 98 99', $b3)))">2</xsl:when>
          <xsl:otherwise>1</xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
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
