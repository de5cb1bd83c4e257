<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl - shared by every view (xsl:import it).

  * Page chrome: the "/" template builds the HTML5 skeleton and asks the
    importing view for  <xsl:template name="page-title"/>  and for
    <xsl:apply-templates select="/briefing" mode="page"/>.
  * mode="body": the CommonMark blocks and inlines of the model, rendered
    as cmark 0.30's HTML renderer does in its default (safe) mode, plus the
    Annalist annotations (actor-ref, action-ref, time-ref, topic-ref).
  * mode="text": the plain text of inlines (image alt text, titles).

  Each view declares its own xsl:output (fragment.xsl needs no doctype).
  Parameters are passed literally by the generator; all have defaults.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:svg="http://www.w3.org/2000/svg"
                exclude-result-prefixes="svg">

  <!-- Relative path from the page to the site root: "" or "../". -->
  <xsl:param name="root" select="''"/>

  <!-- The address the site is published at (the base-url option of
       annalist build), ending
       with "/"; empty for none, and then no page has an absolute link.
       With it each page has <link rel="canonical">, made from the path
       its view names (template "page-path"). -->
  <xsl:param name="base-url" select="''"/>

  <!-- Block containers lose their indentation; inline containers keep
       every character (the model has no text wrapper element, so a space
       between two inline elements is a text node of its own). -->
  <xsl:strip-space elements="*"/>
  <xsl:preserve-space elements="paragraph heading code_block html_block
                                code html_inline emph strong link image
                                actor-ref action-ref time-ref topic-ref
                                text title subtitle author name role words
                                marking meta publisher url grading
                                svg:text svg:tspan svg:title svg:desc"/>

  <!-- Look-ups, declared once. -->
  <xsl:key name="actor" match="/briefing/actors/actor" use="@id"/>
  <xsl:key name="source" match="/briefing/sources/source" use="@id"/>
  <xsl:key name="topic" match="/briefing/topics/topic" use="@id"/>
  <xsl:key name="action" match="/briefing/actions/action" use="@id"/>
  <xsl:key name="event" match="/briefing/events/event" use="@id"/>
  <xsl:key name="events-by-source" match="/briefing/events/event" use="citation/@source"/>
  <!-- an actor's name and role without walking its other children (one
       <mentions> per source that names it: hundreds in a large briefing) -->
  <xsl:key name="actor-name" match="/briefing/actors/actor/name" use="../@id"/>
  <xsl:key name="actor-role" match="/briefing/actors/actor/role" use="../@id"/>

  <xsl:variable name="nl" select="'&#10;'"/>

  <!-- true(): render exactly as cmark does (fragment.xsl sets it).
       false(): the pages differ in one point only: a link whose address
       the generator emptied as unsafe (href="" but a destination) has no
       href, so it cannot be clicked, and says why in its title. -->
  <xsl:variable name="cmark-exact" select="false()"/>

  <!-- ============================================================ -->
  <!-- Page chrome                                                   -->
  <!-- ============================================================ -->

  <xsl:template match="/">
    <xsl:variable name="lang">
      <xsl:choose>
        <xsl:when test="normalize-space(/briefing/head/@lang) != ''">
          <xsl:value-of select="normalize-space(/briefing/head/@lang)"/>
        </xsl:when>
        <xsl:otherwise>en</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <html lang="{$lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:call-template name="page-title"/></title>
        <!-- no icon: say so, rather than have browsers ask the host for
             /favicon.ico (a 404 on every site that has none) -->
        <link rel="icon" href="data:,"/>
        <link rel="stylesheet" href="{$root}style.css"/>
        <link rel="stylesheet" href="{$root}print.css" media="print"/>
        <link rel="alternate" type="application/atom+xml" href="{$root}feed.xml"
              title="{concat(/briefing/head/title, ': events')}"/>
        <xsl:variable name="page-path"><xsl:call-template name="page-path"/></xsl:variable>
        <xsl:if test="$base-url != '' and string($page-path) != ''">
          <link rel="canonical" href="{concat($base-url, $page-path)}"/>
        </xsl:if>
        <!-- schema.org JSON-LD made by the generator (gen/export.c): JSON
             with every "<" written \u003c, so it cannot end the script
             element; the html output method copies script text as it is -->
        <xsl:variable name="jsonld-for"><xsl:call-template name="jsonld-for"/></xsl:variable>
        <xsl:for-each select="/briefing/jsonld/item[@for = string($jsonld-for)][1]">
          <script type="application/ld+json"><xsl:value-of select="."/></script>
        </xsl:for-each>
      </head>
      <body>
        <xsl:apply-templates select="/briefing/head/marking" mode="banner">
          <xsl:with-param name="where" select="'top'"/>
        </xsl:apply-templates>
        <!-- On paper the marking repeats at the top and bottom of every
             page: browsers repeat a table's header and footer rows on each
             printed page.  On screen the table is plain blocks and the
             repeated rows are hidden (style.css, print.css). -->
        <table class="page-frame" role="presentation">
          <xsl:if test="/briefing/head/marking">
            <thead class="print-only" aria-hidden="true">
              <tr><td>
                <xsl:apply-templates select="/briefing/head/marking" mode="banner">
                  <xsl:with-param name="where" select="'print'"/>
                </xsl:apply-templates>
              </td></tr>
            </thead>
          </xsl:if>
          <tbody><tr><td>
            <xsl:apply-templates select="/briefing" mode="page"/>
            <footer class="colophon">
              <p>
                <xsl:text>Built by </xsl:text>
                <xsl:value-of select="/briefing/@generator"/>
                <xsl:text> from </xsl:text>
                <code><xsl:value-of select="/briefing/head/@file"/></code>
                <xsl:if test="/briefing/@built">
                  <xsl:text>, </xsl:text>
                  <xsl:value-of select="/briefing/@built"/>
                </xsl:if>
                <xsl:text>.</xsl:text>
              </p>
            </footer>
          </td></tr></tbody>
          <!-- after tbody, as HTML5 orders them; printed on every page all
               the same -->
          <xsl:if test="/briefing/head/marking">
            <tfoot class="print-only" aria-hidden="true">
              <tr><td>
                <xsl:apply-templates select="/briefing/head/marking" mode="banner">
                  <xsl:with-param name="where" select="'print'"/>
                </xsl:apply-templates>
              </td></tr>
            </tfoot>
          </xsl:if>
        </table>
        <xsl:apply-templates select="/briefing/head/marking" mode="banner">
          <xsl:with-param name="where" select="'bottom'"/>
        </xsl:apply-templates>
      </body>
    </html>
  </xsl:template>

  <!-- Views override these. -->
  <xsl:template name="page-title">
    <xsl:value-of select="/briefing/head/title"/>
  </xsl:template>

  <!-- The page's path from the site root ("sources/ID.html"), for its
       canonical link; empty: none. -->
  <xsl:template name="page-path"/>

  <!-- The key of the page's JSON-LD in /briefing/jsonld ("index",
       "source:ID", "actor:ID"); empty: none. -->
  <xsl:template name="jsonld-for"/>

  <xsl:template match="briefing" mode="page"/>

  <!-- The marking banner; its colour follows the usual classification
       colours when the marking names a level. -->
  <xsl:template match="marking" mode="banner">
    <xsl:param name="where" select="'top'"/>
    <xsl:variable name="up"
        select="translate(., 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')"/>
    <xsl:variable name="level">
      <xsl:choose>
        <xsl:when test="contains($up, 'TOP SECRET')">top-secret</xsl:when>
        <xsl:when test="contains($up, 'UNCLASSIFIED')">unclassified</xsl:when>
        <xsl:when test="contains($up, 'SECRET')">secret</xsl:when>
        <xsl:when test="contains($up, 'CONFIDENTIAL')">confidential</xsl:when>
        <xsl:when test="contains($up, 'RESTRICTED')">restricted</xsl:when>
        <xsl:when test="contains($up, 'OFFICIAL')">official</xsl:when>
        <xsl:otherwise>other</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <div class="marking marking-{$where} marking-{$level}" role="note"
         aria-label="Handling marking">
      <xsl:value-of select="normalize-space(.)"/>
    </div>
  </xsl:template>

  <!-- A source's citation, as one line of text and links.
       Author, "Title", Publisher, Published. URL. Grading. -->
  <xsl:template match="source" mode="citation">
    <xsl:param name="title-link" select="true()"/>
    <span class="citation">
      <xsl:if test="normalize-space(author) != ''">
        <span class="cite-author"><xsl:value-of select="author"/></span>
        <xsl:text>, </xsl:text>
      </xsl:if>
      <xsl:text>“</xsl:text>
      <xsl:choose>
        <xsl:when test="$title-link">
          <a class="cite-title" href="{$root}sources/{@id}.html">
            <xsl:call-template name="lang-attr"/>
            <xsl:value-of select="title"/>
          </a>
        </xsl:when>
        <xsl:otherwise>
          <span class="cite-title">
            <xsl:call-template name="lang-attr"/>
            <xsl:value-of select="title"/>
          </span>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text>”</xsl:text>
      <xsl:if test="normalize-space(publisher) != ''">
        <xsl:text>, </xsl:text>
        <cite class="cite-publisher"><xsl:value-of select="publisher"/></cite>
      </xsl:if>
      <xsl:if test="published">
        <xsl:text>, </xsl:text>
        <time class="cite-date" datetime="{published/@value}">
          <xsl:value-of select="published/@display"/>
        </time>
      </xsl:if>
      <xsl:text>.</xsl:text>
      <!-- a link only for http(s): a 'javascript:' or 'data:' url is text -->
      <xsl:variable name="url-scheme" select="translate(substring-before(normalize-space(url), ':'),
                                              'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
      <xsl:if test="normalize-space(url) != ''">
        <xsl:text> </xsl:text>
        <xsl:choose>
          <xsl:when test="$url-scheme = 'http' or $url-scheme = 'https'">
            <a class="cite-url" href="{normalize-space(url)}" rel="noopener noreferrer">
              <xsl:value-of select="normalize-space(url)"/>
            </a>
          </xsl:when>
          <xsl:otherwise>
            <span class="cite-url"><xsl:value-of select="normalize-space(url)"/></span>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:if>
      <xsl:apply-templates select="grading" mode="citation"/>
    </span>
  </xsl:template>

  <!-- lang="..." for a source whose language differs from the page's. -->
  <xsl:template name="lang-attr">
    <xsl:if test="@lang and string(@lang) != string(/briefing/head/@lang)">
      <xsl:attribute name="lang"><xsl:value-of select="@lang"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template match="grading" mode="citation">
    <xsl:text> </xsl:text>
    <abbr class="grading"
          title="Admiralty grading: source reliability {@reliability}, information credibility {@credibility}">
      <xsl:value-of select="normalize-space(.)"/>
    </abbr>
  </xsl:template>

  <!-- The address of an event on its page of the timeline (year.xsl):
       timeline/YEAR.html#ID, YEAR the first four characters of the month
       it is listed under, or timeline/undated.html#ID. -->
  <xsl:template match="event" mode="timeline-href">
    <xsl:value-of select="$root"/>
    <xsl:text>timeline/</xsl:text>
    <xsl:choose>
      <xsl:when test="string(@month) != ''"><xsl:value-of select="substring(@month, 1, 4)"/></xsl:when>
      <xsl:otherwise>undated</xsl:otherwise>
    </xsl:choose>
    <xsl:text>.html#</xsl:text>
    <xsl:value-of select="@id"/>
  </xsl:template>

  <!-- An actor's name, from its id. -->
  <xsl:template name="actor-name">
    <xsl:param name="id"/>
    <xsl:variable name="a" select="key('actor', $id)"/>
    <xsl:choose>
      <xsl:when test="$a"><xsl:value-of select="key('actor-name', $id)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The YYYY-MM-DD of a day-precision value, or nothing when the value
       is not a valid HTML date (EDTF qualifiers ? ~ % are dropped). -->
  <xsl:template name="html-date">
    <xsl:param name="value"/>
    <xsl:param name="precision"/>
    <xsl:variable name="d" select="substring($value, 1, 10)"/>
    <xsl:if test="$precision = 'day'
                  and translate($d, '0123456789', '9999999999') = '9999-99-99'
                  and translate(substring($value, 11), '?~%', '') = ''">
      <xsl:value-of select="$d"/>
    </xsl:if>
  </xsl:template>

  <!-- "DISPLAY — RULE", or just DISPLAY. -->
  <!-- Where an event is told: each citation with its source, grading and
       line, linked to the block on the source page; for several sources,
       how many are independent and each one's own date. -->
  <xsl:template match="event" mode="citations">
    <!-- counted once: inside the loop it made an event told by n sources
         cost n * n -->
    <xsl:variable name="several" select="count(citation) &gt; 1"/>
    <p class="cite">
      <xsl:choose>
        <xsl:when test="$several">
          <xsl:text>Sources (</xsl:text>
          <xsl:value-of select="@sources"/>
          <xsl:text> independent</xsl:text>
          <xsl:if test="@conflict = 'true'">; <strong class="conflict">they disagree on the date</strong></xsl:if>
          <xsl:text>): </xsl:text>
        </xsl:when>
        <xsl:otherwise>Source: </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="citation">
        <xsl:if test="position() &gt; 1">; </xsl:if>
        <xsl:apply-templates select="." mode="cite-link"/>
        <xsl:if test="$several and (time | reported-by)">
          <xsl:text> (</xsl:text>
          <xsl:if test="reported-by">reported by </xsl:if>
          <xsl:value-of select="(time/@display | reported-by/@display)[1]"/>
          <xsl:text>)</xsl:text>
        </xsl:if>
      </xsl:for-each>
    </p>
  </xsl:template>

  <xsl:template match="citation" mode="cite-link">
    <xsl:variable name="src" select="key('source', @source)"/>
    <xsl:choose>
      <xsl:when test="$src">
        <a href="{$root}sources/{@source}.html#{../@id}"><xsl:value-of select="$src/title"/></a>
      </xsl:when>
      <xsl:otherwise>
        <a href="{$root}index.html#{../@id}">the summary, <xsl:value-of select="/briefing/head/@file"/></a>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="@grading">
      <xsl:text> [</xsl:text>
      <abbr class="grading" title="Admiralty grading of the source">
        <xsl:value-of select="@grading"/>
      </abbr>
      <xsl:text>]</xsl:text>
    </xsl:if>
    <xsl:text>, line </xsl:text>
    <xsl:value-of select="@line"/>
  </xsl:template>

  <xsl:template name="time-title">
    <xsl:if test="@phrase">‘<xsl:value-of select="@phrase"/>’ → </xsl:if>
    <xsl:value-of select="@display"/>
    <xsl:if test="@approximate = 'true'"> (approximate)</xsl:if>
    <xsl:if test="@uncertain = 'true'"> (uncertain)</xsl:if>
    <xsl:if test="normalize-space(@rule) != ''">
      <xsl:text> — </xsl:text>
      <xsl:value-of select="@rule"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="time-class">
    <xsl:text>time</xsl:text>
    <xsl:if test="@approximate = 'true'"> approximate</xsl:if>
    <xsl:if test="@uncertain = 'true'"> uncertain</xsl:if>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Blocks, as cmark_render_html writes them                      -->
  <!-- ============================================================ -->

  <!-- cmark's cr(): a newline unless the output so far is empty or ends
       with one.  Every block ends with a newline except a tight
       paragraph, and only <li> opens without one. -->
  <xsl:template name="cr">
    <xsl:variable name="prev" select="preceding-sibling::*[1]"/>
    <xsl:if test="(parent::item and not($prev))
                  or ($prev/self::paragraph and parent::item
                      and ../../@tight = 'true')">
      <xsl:value-of select="$nl"/>
    </xsl:if>
  </xsl:template>

  <!-- The id of an event block (the model's id), so that the chronology's
       citations land on it: in source bodies, and in the summary when it
       holds events (their source is then "briefing").  Not in the
       cmark-exact rendering. -->
  <xsl:template name="event-attrs">
    <xsl:if test="@event and not($cmark-exact)">
      <xsl:attribute name="id"><xsl:value-of select="@event"/></xsl:attribute>
      <xsl:attribute name="class">event</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template match="paragraph" mode="body">
    <xsl:choose>
      <xsl:when test="parent::item and ../../@tight = 'true'">
        <xsl:choose>
          <xsl:when test="@event and not($cmark-exact)">
            <span><xsl:call-template name="event-attrs"/><xsl:apply-templates mode="body"/></span>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates mode="body"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="cr"/>
        <p><xsl:call-template name="event-attrs"/><xsl:apply-templates mode="body"/></p>
        <xsl:value-of select="$nl"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="heading" mode="body">
    <xsl:call-template name="cr"/>
    <xsl:element name="h{@level}">
      <xsl:call-template name="event-attrs"/>
      <xsl:apply-templates mode="body"/>
    </xsl:element>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="block_quote" mode="body">
    <xsl:call-template name="cr"/>
    <blockquote>
      <xsl:value-of select="$nl"/>
      <xsl:apply-templates mode="body"/>
    </blockquote>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="list[@type = 'ordered']" mode="body">
    <xsl:call-template name="cr"/>
    <ol>
      <xsl:if test="@start and number(@start) != 1">
        <xsl:attribute name="start"><xsl:value-of select="number(@start)"/></xsl:attribute>
      </xsl:if>
      <xsl:value-of select="$nl"/>
      <xsl:apply-templates mode="body"/>
    </ol>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="list" mode="body">
    <xsl:call-template name="cr"/>
    <ul>
      <xsl:value-of select="$nl"/>
      <xsl:apply-templates mode="body"/>
    </ul>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="item" mode="body">
    <li><xsl:apply-templates mode="body"/></li>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="code_block" mode="body">
    <xsl:call-template name="cr"/>
    <xsl:variable name="info"
        select="substring-before(concat(translate(@info, '&#9;&#10;&#13;', '   '), ' '), ' ')"/>
    <pre><code>
      <xsl:if test="string(@info) != ''">
        <xsl:attribute name="class">language-<xsl:value-of select="$info"/></xsl:attribute>
      </xsl:if>
      <xsl:value-of select="."/>
    </code></pre>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="thematic_break" mode="body">
    <xsl:call-template name="cr"/>
    <hr/>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- Raw HTML is never passed through: cmark's safe mode prints this. -->
  <xsl:template match="html_block" mode="body">
    <xsl:call-template name="cr"/>
    <xsl:comment> raw HTML omitted </xsl:comment>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Inlines                                                       -->
  <!-- ============================================================ -->

  <xsl:template match="text()" mode="body">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="softbreak" mode="body">
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="linebreak" mode="body">
    <br/>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="code" mode="body">
    <code><xsl:value-of select="."/></code>
  </xsl:template>

  <xsl:template match="emph" mode="body">
    <em><xsl:apply-templates mode="body"/></em>
  </xsl:template>

  <xsl:template match="strong" mode="body">
    <strong><xsl:apply-templates mode="body"/></strong>
  </xsl:template>

  <!-- @href is already safe (percent-encoded; empty for javascript: etc.). -->
  <xsl:template match="link" mode="body">
    <xsl:choose>
      <xsl:when test="not($cmark-exact) and string(@href) = '' and string(@destination) != ''">
        <a class="unsafe-link" title="Link removed: unsafe address">
          <xsl:apply-templates mode="body"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="." mode="cmark-link"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="link" mode="cmark-link">
    <a href="{@href}">
      <xsl:if test="string(@title) != ''">
        <xsl:attribute name="title"><xsl:value-of select="@title"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates mode="body"/>
    </a>
  </xsl:template>

  <xsl:template match="image" mode="body">
    <img src="{@href}">
      <xsl:attribute name="alt"><xsl:apply-templates mode="text"/></xsl:attribute>
      <xsl:if test="string(@title) != ''">
        <xsl:attribute name="title"><xsl:value-of select="@title"/></xsl:attribute>
      </xsl:if>
    </img>
  </xsl:template>

  <xsl:template match="html_inline" mode="body">
    <xsl:comment> raw HTML omitted </xsl:comment>
  </xsl:template>

  <!-- Annotations -->

  <xsl:template match="actor-ref" mode="body">
    <xsl:variable name="a" select="key('actor', @ref)"/>
    <!-- a link to the actor's page (actor.xsl), which every actor of the
         model has; ids are [a-z0-9-], safe in an address as they are -->
    <a class="actor" data-actor="{@ref}">
      <xsl:if test="$a">
        <xsl:attribute name="href"><xsl:value-of select="concat($root, 'actors/', @ref, '.html')"/></xsl:attribute>
        <xsl:attribute name="class">actor kind-<xsl:value-of select="$a/@kind"/></xsl:attribute>
        <xsl:attribute name="title">
          <xsl:value-of select="key('actor-name', @ref)"/>
          <xsl:if test="normalize-space(key('actor-role', @ref)) != ''">
            <xsl:text> — </xsl:text>
            <xsl:value-of select="key('actor-role', @ref)"/>
          </xsl:if>
        </xsl:attribute>
      </xsl:if>
      <xsl:apply-templates mode="body"/>
    </a>
  </xsl:template>

  <xsl:template match="action-ref" mode="body">
    <span class="action {@class}" data-action="{@action}">
      <xsl:attribute name="title">
        <xsl:choose>
          <xsl:when test="@type"><xsl:value-of select="@type"/></xsl:when>
          <xsl:otherwise>untyped action</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:apply-templates mode="body"/>
    </span>
  </xsl:template>

  <xsl:template match="time-ref" mode="body">
    <xsl:variable name="date">
      <xsl:call-template name="html-date">
        <xsl:with-param name="value" select="@value"/>
        <xsl:with-param name="precision" select="@precision"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="class"><xsl:call-template name="time-class"/></xsl:variable>
    <xsl:variable name="title"><xsl:call-template name="time-title"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$date != ''">
        <time class="{$class}" datetime="{$date}" title="{$title}">
          <xsl:apply-templates mode="body"/>
        </time>
      </xsl:when>
      <xsl:otherwise>
        <span class="{$class}" title="{$title}">
          <xsl:apply-templates mode="body"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="topic-ref" mode="body">
    <a class="topic" data-topic="{@ref}">
      <xsl:variable name="t" select="key('topic', @ref)"/>
      <xsl:if test="$t">
        <xsl:attribute name="href"><xsl:value-of select="concat($root, 'topics/', @ref, '.html')"/></xsl:attribute>
        <xsl:attribute name="title">Topic: <xsl:value-of select="$t/name"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates mode="body"/>
    </a>
  </xsl:template>

  <!-- Anything unknown in a body: keep its text, never its markup. -->
  <xsl:template match="*" mode="body">
    <xsl:apply-templates mode="body"/>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Plain text (cmark's image alt text rules)                      -->
  <!-- ============================================================ -->

  <xsl:template match="text()" mode="text">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="code | html_inline" mode="text">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="softbreak | linebreak" mode="text">
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="*" mode="text">
    <xsl:apply-templates mode="text"/>
  </xsl:template>

</xsl:stylesheet>
