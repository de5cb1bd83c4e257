<?xml version="1.0" encoding="UTF-8"?>
<!--
  index.xsl - the briefing page, out/index.html.

  Parameters (passed literally): root = "" (the page is at the site root).
  Order of everything is the model's order.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:svg="http://www.w3.org/2000/svg"
                exclude-result-prefixes="svg">

  <xsl:import href="common.xsl"/>
  <xsl:import href="actors-common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
              doctype-system="about:legacy-compat"/>

  <xsl:param name="root" select="''"/>

  <!-- An actor's role by its id: $actor/role would scan all the actor's
       children, one <mentions> per source that names it. -->

  <xsl:template name="page-path">
    <xsl:value-of select="'index.html'"/>
  </xsl:template>

  <xsl:template name="jsonld-for">
    <xsl:value-of select="'index'"/>
  </xsl:template>

  <xsl:template name="page-title">
    <xsl:value-of select="/briefing/head/title"/>
  </xsl:template>

  <xsl:template match="briefing" mode="page">
    <xsl:apply-templates select="head" mode="masthead"/>
    <nav class="toc" aria-label="Contents">
      <ul>
        <xsl:if test="head/summary/*">
          <li><a href="#summary">Summary</a></li>
        </xsl:if>
        <xsl:if test="diagrams/diagram[@name = 'actors']/*">
          <li><a href="#actors">Actors</a></li>
        </xsl:if>
        <li><a href="#chronology">Chronology</a></li>
        <li><a href="#sources">Sources</a></li>
      </ul>
    </nav>
    <main>
      <xsl:if test="head/summary/*">
        <section id="summary" class="summary" aria-labelledby="summary-h">
          <h2 id="summary-h">Summary</h2>
          <div class="prose">
            <xsl:apply-templates select="head/summary/*" mode="body"/>
          </div>
        </section>
      </xsl:if>
      <xsl:apply-templates select="diagrams/diagram[@name = 'actors'][*]" mode="figure"/>
      <section id="chronology" aria-labelledby="chronology-h">
        <h2 id="chronology-h">Chronology</h2>
        <xsl:choose>
          <xsl:when test="events/event">
            <!-- the latest events (and any the conflicts section links to);
                 the full chronology is timeline.html and its year pages.
                 The page's JSON-LD lists the same events: keep 10 and
                 AN_SLICE_INDEX_LATEST (gen/slice.h: the
                 page is rendered from the slice it defines) the same -->
            <xsl:variable name="n" select="count(events/event)"/>
            <p class="note chronology-more">
              <xsl:choose>
                <xsl:when test="$n &gt; 10">
                  <xsl:text>The 10 latest of </xsl:text>
                  <xsl:value-of select="$n"/>
                  <xsl:text> events</xsl:text>
                  <xsl:if test="events/event[position() &lt;= $n - 10][@conflict = 'true']">
                    <xsl:text>, and those whose sources disagree on the date</xsl:text>
                  </xsl:if>
                  <xsl:text>. </xsl:text>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:text>All </xsl:text>
                  <xsl:value-of select="$n"/>
                  <xsl:text> event</xsl:text>
                  <xsl:if test="$n != 1">s</xsl:if>
                  <xsl:text>. </xsl:text>
                </xsl:otherwise>
              </xsl:choose>
              <a href="{$root}timeline.html">Full timeline</a>
              <xsl:text>: the chart, and every event by year and month, one page per year.</xsl:text>
            </p>
            <ol class="chronology">
              <xsl:apply-templates mode="chronology"
                  select="events/event[position() &gt; last() - 10 or @conflict = 'true']"/>
            </ol>
          </xsl:when>
          <xsl:otherwise>
            <p class="empty">No events are annotated in the sources.</p>
          </xsl:otherwise>
        </xsl:choose>
      </section>
      <xsl:if test="events/event[@conflict = 'true']">
        <section id="conflicts" aria-labelledby="conflicts-h">
          <h2 id="conflicts-h">Conflicts between sources</h2>
          <p class="note">These events are told by several sources (one event
            key) that give disjoint times. Both are kept; the chronology
            places each event by the first source's time.</p>
          <ul class="conflicts">
            <xsl:for-each select="events/event[@conflict = 'true']">
              <li>
                <a href="#chronology-{@id}">
                  <xsl:text>“</xsl:text><xsl:value-of select="@key"/><xsl:text>”</xsl:text>
                </a>
                <ul>
                  <xsl:for-each select="citation">
                    <li>
                      <xsl:value-of select="(time/@display | reported-by/@display)[1]"/>
                      <xsl:if test="reported-by"> (reported by)</xsl:if>
                      <xsl:text> according to </xsl:text>
                      <xsl:apply-templates select="." mode="cite-link"/>
                    </li>
                  </xsl:for-each>
                </ul>
              </li>
            </xsl:for-each>
          </ul>
        </section>
      </xsl:if>
      <section id="sources" aria-labelledby="sources-h">
        <h2 id="sources-h">Sources</h2>
        <xsl:choose>
          <xsl:when test="sources/source">
            <ol class="sources">
              <xsl:apply-templates select="sources/source" mode="list"/>
            </ol>
          </xsl:when>
          <xsl:otherwise>
            <p class="empty">No sources.</p>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </main>
  </xsl:template>

  <!-- Masthead: title, subtitle, author, as-of date, other front matter. -->
  <xsl:template match="head" mode="masthead">
    <header class="masthead">
      <p class="kicker">
        <xsl:text>Briefing</xsl:text>
        <xsl:if test="date">
          <xsl:text> · as of </xsl:text>
          <time datetime="{date/@value}"><xsl:value-of select="date/@display"/></time>
        </xsl:if>
      </p>
      <h1><xsl:value-of select="title"/></h1>
      <xsl:if test="normalize-space(subtitle) != ''">
        <p class="subtitle"><xsl:value-of select="subtitle"/></p>
      </xsl:if>
      <xsl:if test="normalize-space(author) != '' or date or meta">
        <dl class="facts">
          <xsl:if test="normalize-space(author) != ''">
            <dt>Author</dt><dd><xsl:value-of select="author"/></dd>
          </xsl:if>
          <xsl:if test="date">
            <dt>As of</dt>
              <dd><time datetime="{date/@value}"><xsl:value-of select="date/@display"/></time></dd>
          </xsl:if>
          <xsl:for-each select="meta">
            <dt><xsl:value-of select="@key"/></dt><dd><xsl:value-of select="."/></dd>
          </xsl:for-each>
        </dl>
      </xsl:if>
    </header>
  </xsl:template>

  <!-- The actor diagram, inline SVG; its text equivalent (the edges it
       draws, as a table); every actor, also those it leaves out when there
       are too many to draw (@shown < @actors). -->
  <xsl:template match="diagram" mode="figure">
    <xsl:variable name="capped" select="number(@shown) &lt; number(@actors)"/>
    <xsl:variable name="drawn-edges"
        select="/briefing/edges/edge[key('svg-node', concat('actor-', @subject))]
                                    [key('svg-node', concat('actor-', @object))]"/>
    <section id="actors" aria-labelledby="actors-h">
      <h2 id="actors-h">Actors</h2>
      <figure class="diagram wide">
        <div class="diagram-frame">
          <xsl:copy-of select="*"/>
        </div>
        <figcaption>
          <span class="fig-label">Figure 1.</span>
          <xsl:text> Actors named in the sources</xsl:text>
          <xsl:if test="not(@engine) or @engine = 'dot'">
            <xsl:text>, drawn inside the organisation they belong to</xsl:text>
          </xsl:if>
          <xsl:text>, with the actions between them (subject → object). Each actor links to its page.</xsl:text>
          <xsl:if test="$capped">
            <xsl:text> Only the </xsl:text>
            <xsl:value-of select="@shown"/>
            <xsl:text> most active of </xsl:text>
            <xsl:value-of select="@actors"/>
            <xsl:text> actors are drawn; the table of all actors below lists every one.</xsl:text>
          </xsl:if>
          <xsl:text> The whole graph: </xsl:text>
          <a href="{$root}actors.svg">SVG</a>
          <xsl:text>, </xsl:text>
          <a href="{$root}actors.dot">DOT</a>
          <xsl:text>, </xsl:text>
          <a href="{$root}actors.graphml">GraphML</a>
          <xsl:text>, </xsl:text>
          <a href="{$root}actors.json">JSON</a>
          <xsl:text>.</xsl:text>
        </figcaption>
      </figure>
      <xsl:if test="$drawn-edges">
        <details class="text-equivalent">
          <summary>
            <xsl:text>Figure 1 as a table: </xsl:text>
            <xsl:value-of select="count($drawn-edges)"/>
            <xsl:text> edges</xsl:text>
          </summary>
          <xsl:call-template name="edge-table">
            <xsl:with-param name="edges" select="$drawn-edges"/>
            <xsl:with-param name="caption" select="'The actions drawn in Figure 1, one row per subject, action type and object'"/>
          </xsl:call-template>
        </details>
      </xsl:if>
      <details class="all-actors">
        <xsl:if test="$capped">
          <xsl:attribute name="open">open</xsl:attribute>
        </xsl:if>
        <summary>
          <xsl:text>All </xsl:text>
          <xsl:value-of select="count(/briefing/actors/actor)"/>
          <xsl:text> actors</xsl:text>
        </summary>
        <xsl:call-template name="actor-table">
          <xsl:with-param name="caption" select="'Every actor, most active first (weight: the number of actions with other actors)'"/>
          <xsl:with-param name="mark-drawn" select="$capped"/>
        </xsl:call-template>
      </details>
    </section>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Chronology                                                    -->
  <!-- ============================================================ -->

  <xsl:template match="event" mode="chronology">
    <xsl:variable name="src" select="key('source', @source)"/>
    <li class="event" id="chronology-{@id}">
      <div class="when">
        <xsl:apply-templates select="time | reported-by" mode="when"/>
        <xsl:if test="not(time | reported-by)">
          <span class="date undated">Date not stated</span>
        </xsl:if>
      </div>
      <div class="what">
        <p class="event-text">
          <xsl:for-each select="$src">
            <xsl:call-template name="lang-attr"/>
          </xsl:for-each>
          <xsl:apply-templates select="text/node()" mode="body"/>
        </p>
        <xsl:apply-templates select="time | reported-by" mode="dating">
          <xsl:with-param name="src" select="$src"/>
        </xsl:apply-templates>
        <xsl:if test="participant | topic">
          <ul class="tags">
            <xsl:for-each select="participant">
              <xsl:variable name="a" select="key('actor', @ref)"/>
              <xsl:variable name="role" select="key('actor-role', @ref)"/>
              <li class="tag actor kind-{$a/@kind}" data-actor="{@ref}">
                <xsl:if test="$role">
                  <xsl:attribute name="title"><xsl:value-of select="$role"/></xsl:attribute>
                </xsl:if>
                <xsl:call-template name="actor-name">
                  <xsl:with-param name="id" select="@ref"/>
                </xsl:call-template>
              </li>
            </xsl:for-each>
            <xsl:for-each select="topic">
              <li class="tag topic" data-topic="{@ref}">
                <xsl:value-of select="key('topic', @ref)/name"/>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:if>
        <xsl:if test="action">
          <ul class="acts">
            <xsl:for-each select="action">
              <xsl:apply-templates select="key('action', @ref)" mode="act"/>
            </xsl:for-each>
          </ul>
        </xsl:if>
        <xsl:apply-templates select="." mode="citations"/>
      </div>
    </li>
  </xsl:template>

  <!-- The date column. -->
  <xsl:template match="time" mode="when">
    <xsl:variable name="date">
      <xsl:call-template name="html-date">
        <xsl:with-param name="value" select="@value"/>
        <xsl:with-param name="precision" select="@precision"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="title"><xsl:call-template name="time-title"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$date != ''">
        <time class="date" datetime="{$date}" title="{$title}">
          <xsl:value-of select="@display"/>
        </time>
      </xsl:when>
      <xsl:otherwise>
        <span class="date" title="{$title}"><xsl:value-of select="@display"/></span>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="@approximate = 'true' or @uncertain = 'true'">
      <span class="quals">
        <xsl:if test="@approximate = 'true'">
          <span class="qual approximate">approximate</span>
        </xsl:if>
        <xsl:if test="@uncertain = 'true'">
          <span class="qual uncertain">uncertain</span>
        </xsl:if>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- A reported-by date is the report's, never the event's. -->
  <xsl:template match="reported-by" mode="when">
    <span class="date undated">Date not stated</span>
  </xsl:template>

  <!-- How the date was read. -->
  <xsl:template match="time" mode="dating">
    <xsl:if test="@phrase or normalize-space(@rule) != '' or @origin = 'heading'">
      <p class="dating">
        <xsl:choose>
          <xsl:when test="@origin = 'heading'">Dated by its section heading</xsl:when>
          <xsl:when test="@phrase">
            <xsl:text>Dated from “</xsl:text>
            <xsl:value-of select="@phrase"/>
            <xsl:text>”</xsl:text>
          </xsl:when>
          <xsl:otherwise>Dated</xsl:otherwise>
        </xsl:choose>
        <xsl:if test="normalize-space(@rule) != ''">
          <xsl:text>: </xsl:text>
          <xsl:value-of select="@rule"/>
        </xsl:if>
        <xsl:text>.</xsl:text>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template match="reported-by" mode="dating">
    <xsl:param name="src"/>
    <p class="dating reported">
      <xsl:text>Reported by </xsl:text>
      <cite>
        <xsl:choose>
          <xsl:when test="$src"><xsl:value-of select="$src/title"/></xsl:when>
          <xsl:otherwise>the briefing</xsl:otherwise>
        </xsl:choose>
      </cite>
      <xsl:text>, </xsl:text>
      <time datetime="{@value}"><xsl:value-of select="@display"/></time>
      <xsl:text>; the source does not say when it happened.</xsl:text>
    </p>
  </xsl:template>

  <!-- One action: TYPE  subject → object  "words" -->
  <xsl:template match="action" mode="act">
    <li>
      <span class="act-type {@class}">
        <xsl:choose>
          <xsl:when test="@type"><xsl:value-of select="@type"/></xsl:when>
          <xsl:otherwise>untyped</xsl:otherwise>
        </xsl:choose>
      </span>
      <xsl:text> </xsl:text>
      <xsl:for-each select="subject">
        <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
        <xsl:call-template name="actor-name">
          <xsl:with-param name="id" select="@ref"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:if test="object">
        <xsl:text> → </xsl:text>
        <xsl:for-each select="object">
          <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
          <xsl:call-template name="actor-name">
            <xsl:with-param name="id" select="@ref"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:if>
      <xsl:text> </xsl:text>
      <q class="words"><xsl:value-of select="words"/></q>
    </li>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Sources                                                       -->
  <!-- ============================================================ -->

  <xsl:template match="source" mode="list">
    <li class="source-entry">
      <p class="source-title">
        <a href="{$root}sources/{@id}.html">
          <xsl:call-template name="lang-attr"/>
          <xsl:value-of select="title"/>
        </a>
      </p>
      <xsl:if test="normalize-space(author) != '' or normalize-space(publisher) != '' or published or grading">
      <p class="source-meta">
        <xsl:if test="normalize-space(author) != ''">
          <span class="cite-author"><xsl:value-of select="author"/></span>
          <xsl:if test="normalize-space(publisher) != '' or published or grading">
            <xsl:text> · </xsl:text>
          </xsl:if>
        </xsl:if>
        <xsl:if test="normalize-space(publisher) != ''">
          <cite class="cite-publisher"><xsl:value-of select="publisher"/></cite>
          <xsl:if test="published or grading"><xsl:text> · </xsl:text></xsl:if>
        </xsl:if>
        <xsl:if test="published">
          <time datetime="{published/@value}"><xsl:value-of select="published/@display"/></time>
          <xsl:if test="grading"><xsl:text> · </xsl:text></xsl:if>
        </xsl:if>
        <xsl:if test="grading">
          <xsl:text>Grading </xsl:text>
          <abbr class="grading"
                title="Admiralty grading: source reliability {grading/@reliability}, information credibility {grading/@credibility}">
            <xsl:value-of select="normalize-space(grading)"/>
          </abbr>
          <xsl:text> (reliability </xsl:text>
          <xsl:value-of select="grading/@reliability"/>
          <xsl:text>, credibility </xsl:text>
          <xsl:value-of select="grading/@credibility"/>
          <xsl:text>)</xsl:text>
        </xsl:if>
      </p>
      </xsl:if>
      <xsl:if test="normalize-space(url) != ''">
        <!-- a link only for http(s): a 'javascript:' or 'data:' url is text -->
        <xsl:variable name="url-scheme" select="translate(substring-before(normalize-space(url), ':'),
                                                'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
        <p class="source-url">
          <xsl:choose>
            <xsl:when test="$url-scheme = 'http' or $url-scheme = 'https'">
              <a href="{normalize-space(url)}" rel="noopener noreferrer">
                <xsl:value-of select="normalize-space(url)"/>
              </a>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="normalize-space(url)"/></xsl:otherwise>
          </xsl:choose>
        </p>
      </xsl:if>
    </li>
  </xsl:template>

</xsl:stylesheet>
