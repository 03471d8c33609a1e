<?xml version="1.0" encoding="UTF-8"?>
<!-- txt-wrap.xsl - output lines of council2txt.xsl (included by it): text
     with U+E000 break marks cut into lines, wrapped at $t-width columns
     (East Asian wide characters count 2, read from the UTF-8 bytes that
     str:encode-uri gives), right-to-left lines with left-to-right runs
     put in U+2067 RLI ... U+2069 PDI.

     XSLT 1.0 + EXSLT (str:encode-uri).  Uses t-width and t-br of
     council2txt.xsl. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:c="urn:councildoc:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:cdx="urn:councildoc:ext"
    xmlns:str="http://exslt.org/strings"
    extension-element-prefixes="exsl str"
    exclude-result-prefixes="c exsl str cdx">

  <xsl:variable name="t-ascii"
      select="concat(' !&quot;#$%&amp;', &quot;'&quot;, '()*+,-./0123456789:;&lt;=&gt;?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~')"/>
  <!-- characters known to be one column wide: printable ASCII, Latin-1 and
       Latin Extended-A/B, Greek, Cyrillic, Hebrew, Arabic, Devanagari,
       general punctuation, currency signs (a fast path for wrapping) -->
  <xsl:variable name="t-narrow" select="concat($t-ascii, ' ¡¢£¤¥¦§¨©ª«¬­®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĲĳĴĵĶķĸĹĺĻļĽľĿŀŁłŃńŅņŇňŉŊŋŌōŎŏŐőŒœŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſƀƁƂƃƄƅƆƇƈƉƊƋƌƍƎƏƐƑƒƓƔƕƖƗƘƙƚƛƜƝƞƟƠơƢƣƤƥƦƧƨƩƪƫƬƭƮƯưƱƲƳƴƵƶƷƸƹƺƻƼƽƾƿǀǁǂǃǄǅǆǇǈǉǊǋǌǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǝǞǟǠǡǢǣǤǥǦǧǨǩǪǫǬǭǮǯǰǱǲǳǴǵǶǷǸǹǺǻǼǽǾǿȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȜȝȞȟȠȡȢȣȤȥȦȧȨȩȪȫȬȭȮȯȰȱȲȳȴȵȶȷȸȹȺȻȼȽȾȿɀɁɂɃɄɅɆɇɈɉɊɋɌɍɎɏͰͱͲͳʹ͵Ͷͷ͸͹ͺͻͼͽ;Ϳ΀΁΂΃΄΅Ά·ΈΉΊ΋Ό΍ΎΏΐΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡ΢ΣΤΥΦΧΨΩΪΫάέήίΰαβγδεζηθικλμνξοπρςστυφχψωϊϋόύώϏϐϑϒϓϔϕϖϗϘϙϚϛϜϝϞϟϠϡϢϣϤϥϦϧϨϩϪϫϬϭϮϯϰϱϲϳϴϵ϶ϷϸϹϺϻϼϽϾϿЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюяѐёђѓєѕіїјљњћќѝўџѠѡѢѣѤѥѦѧѨѩѪѫѬѭѮѯѰѱѲѳѴѵѶѷѸѹѺѻѼѽѾѿҀҁ҂҃҄҅҆҇҈҉ҊҋҌҍҎҏҐґҒғҔҕҖҗҘҙҚқҜҝҞҟҠҡҢңҤҥҦҧҨҩҪҫҬҭҮүҰұҲҳҴҵҶҷҸҹҺһҼҽҾҿӀӁӂӃӄӅӆӇӈӉӊӋӌӍӎӏӐӑӒӓӔӕӖӗӘәӚӛӜӝӞӟӠӡӢӣӤӥӦӧӨөӪӫӬӭӮӯӰӱӲӳӴӵӶӷӸӹӺӻӼӽӾӿԀԁԂԃԄԅԆԇԈԉԊԋԌԍԎԏԐԑԒԓԔԕԖԗԘԙԚԛԜԝԞԟԠԡԢԣԤԥԦԧԨԩԪԫԬԭԮԯ֐ְֱֲֳִֵֶַָֹֺֻּֽ֑֖֛֢֣֤֥֦֧֪֚֭֮֒֓֔֕֗֘֙֜֝֞֟֠֡֨֩֫֬֯־ֿ׀ׁׂ׃ׅׄ׆ׇ׈׉׊׋׌׍׎׏אבגדהוזחטיךכלםמןנסעףפץצקרשת׫׬׭׮ׯװױײ׳״׵׶׷׸׹׺׻׼׽׾׿؀؁؂؃؄؅؆؇؈؉؊؋،؍؎؏ؘؙؚؐؑؒؓؔؕؖؗ؛؜؝؞؟ؠءآأؤإئابةتثجحخدذرزسشصضطظعغػؼؽؾؿـفقكلمنهوىيًٌٍَُِّْٕٖٜٟٓٔٗ٘ٙٚٛٝٞ٠١٢٣٤٥٦٧٨٩٪٫٬٭ٮٯٰٱٲٳٴٵٶٷٸٹٺٻټٽپٿڀځڂڃڄڅچڇڈډڊڋڌڍڎڏڐڑڒړڔڕږڗژڙښڛڜڝڞڟڠڡڢڣڤڥڦڧڨکڪګڬڭڮگڰڱڲڳڴڵڶڷڸڹںڻڼڽھڿۀہۂۃۄۅۆۇۈۉۊۋیۍێۏېۑےۓ۔ەۖۗۘۙۚۛۜ۝۞ۣ۟۠ۡۢۤۥۦۧۨ۩۪ۭ۫۬ۮۯ۰۱۲۳۴۵۶۷۸۹ۺۻۼ۽۾ۿऀँंःऄअआइईउऊऋऌऍऎएऐऑऒओऔकखगघङचछजझञटठडढणतथदधनऩपफबभमयरऱलळऴवशषसहऺऻ़ऽािीुूृॄॅॆेैॉॊोौ्ॎॏॐ॒॑॓॔ॕॖॗक़ख़ग़ज़ड़ढ़फ़य़ॠॡॢॣ।॥०१२३४५६७८९॰ॱॲॳॴॵॶॷॸॹॺॻॼॽॾॿ‐‑‒–—―‖‗‘’‚‛“”„‟†‡•‣․‥…‧‰‱′″‴‵‶‷‸‹›※‼‽‾‿⁀⁁⁂⁃⁄⁅⁆⁇⁈⁉⁊⁋⁌⁍⁎⁏⁐⁑⁒⁓⁔⁕⁖⁗⁘⁙⁚⁛⁜⁝⁞₠₡₢₣₤₥₦₧₨₩₪₫€₭₮₯₰₱₲₳₴₵₶₷₸₹₺₻₼₽₾₿')"/>
  <xsl:variable name="t-ltr" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'"/>

  <!-- cd-is-rtl: 'yes' when the node is in a right-to-left context
       (nearest dir, else nearest xml:lang ar/he/fa/ur). Here, not in
       common.xsl: only the text output asks, and libxslt evaluates every
       global variable of a stylesheet at each run (a walk of the whole
       document for cd-any-rtl) -->
  <!-- (no dir="rtl" and no right-to-left language anywhere: always 'no',
       decided once; the look-ups below cost a fifth of the text output) -->
  <xsl:variable name="cd-any-rtl" select="boolean(//@dir[. = 'rtl'] | //@xml:lang[contains('|ar|he|fa|ur|',
      concat('|', translate(substring(., 1, 2), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '|'))])"/>
  <xsl:template name="cd-is-rtl">
    <xsl:param name="n" select="."/>
    <xsl:choose>
      <xsl:when test="not($cd-any-rtl)">no</xsl:when>
      <xsl:otherwise>
        <xsl:variable name="d" select="$n/ancestor-or-self::*[@dir][1]/@dir"/>
        <xsl:variable name="lg" select="translate(substring($n/ancestor-or-self::*[@xml:lang][1]/@xml:lang, 1, 2),
            'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
        <xsl:choose>
          <xsl:when test="$d = 'rtl'">yes</xsl:when>
          <xsl:when test="$d = 'ltr'">no</xsl:when>
          <xsl:when test="$lg = 'ar' or $lg = 'he' or $lg = 'fa' or $lg = 'ur'">yes</xsl:when>
          <xsl:otherwise>no</xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
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
    <xsl:choose>
      <xsl:when test="$cd-ext and $t-plain"><xsl:value-of select="cdx:txt-lines($text)"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="t-lines-xsl">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="ind" select="$ind"/>
          <xsl:with-param name="ctx" select="$ctx"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="t-lines-xsl">
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

  <!-- t-wrap: wraps TEXT at WIDTH columns. libxslt has no tail calls and
       stops at 3000 nested calls, so a very long line (a linearised table
       row can hold 60 000 characters) is first cut at a space into pieces
       of about 2000 characters, each wrapped on its own; shorter text goes
       straight to t-wrap-run. -->
  <xsl:template name="t-wrap">
    <xsl:param name="text"/>
    <xsl:param name="width"/>
    <xsl:param name="rtl"/>
    <xsl:choose>
      <xsl:when test="string-length($text) &lt;= 2000">
        <xsl:call-template name="t-wrap-run">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="rtl" select="$rtl"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="sp">
          <xsl:call-template name="t-last-space">
            <xsl:with-param name="s" select="substring($text, 1801, 200)"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="cut">
          <xsl:choose>
            <xsl:when test="$sp &gt; 0"><xsl:value-of select="1799 + $sp"/></xsl:when>
            <xsl:otherwise>2000</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:call-template name="t-wrap-run">
          <xsl:with-param name="text" select="substring($text, 1, $cut)"/>
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="rtl" select="$rtl"/>
        </xsl:call-template>
        <xsl:call-template name="t-wrap">
          <xsl:with-param name="text" select="substring($text, $cut + 1 + number($sp &gt; 0))"/>
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="rtl" select="$rtl"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- t-wrap-run: greedy wrapping of TEXT (no line breaks, normalised) at
       WIDTH columns; breaks at spaces or between two wide characters -->
  <xsl:template name="t-wrap-run">
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
            <xsl:variable name="n0" select="number(substring-before($fit, ':'))"/>
            <xsl:variable name="s" select="number(substring-after($fit, ':'))"/>
            <!-- always move on: a line that fits nothing takes one character -->
            <xsl:variable name="n" select="$n0 + number($n0 + $s &lt; 1)"/>
            <xsl:call-template name="t-line">
              <xsl:with-param name="text" select="substring($text, 1, $n)"/>
              <xsl:with-param name="rtl" select="$rtl"/>
            </xsl:call-template>
            <xsl:variable name="rest" select="substring($text, $n + $s + 1)"/>
            <xsl:if test="$rest != ''">
              <xsl:call-template name="t-wrap-run">
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
</xsl:stylesheet>
