<?xml version="1.0" encoding="UTF-8"?>
<!--
  timeline.xsl - the timeline overview, out/timeline.html, and the
  templates of the year pages (year.xsl imports this file).

  The chart (gen/timeline.c, attached by the build as
  /briefing/diagrams/diagram[@name='timeline']/svg:svg) inline, then the
  chronology as a list of years (and "Undated"), each with its months and
  their counts, linking to the page of the year, timeline/YEAR.html
  (year.xsl), where the events are: one page for them all would be tens of
  megabytes in a large briefing.

  The overview reads only the head, /briefing/chronology and the chart: it
  is rendered from a slice that holds only these (gen/slice.h,
  AN_SLICE_TIMELINE).

  Parameters (passed literally): root = "" (the page is at the site root).
  Order of everything is the model's order (chronological).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:svg="http://www.w3.org/2000/svg"
                exclude-result-prefixes="svg">

  <xsl:import href="common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
              doctype-system="about:legacy-compat"/>

  <xsl:param name="root" select="''"/>

  <!-- Grouping: the generator lists the years and months in
       /briefing/chronology (counted, in time order, then the undated
       events) and gives each event the month it is listed under
       (event/@month, absent when undated); a month's events are one
       look-up here, so the page is made in time linear in the events. -->
  <xsl:key name="tl-month" match="/briefing/events/event" use="string(@month)"/>

  <!-- An actor's name and role by its id: $actor/name would scan all the
       actor's children, one <mentions> per source that names it, for each
       participant of each event. -->

  <xsl:template name="page-path">
    <xsl:value-of select="'timeline.html'"/>
  </xsl:template>

  <xsl:template name="page-title">
    <xsl:text>Timeline · </xsl:text>
    <xsl:value-of select="/briefing/head/title"/>
  </xsl:template>

  <xsl:template match="briefing" mode="page">
    <xsl:variable name="years" select="chronology/year | chronology/undated"/>
    <xsl:variable name="chart" select="diagrams/diagram[@name = 'timeline'][*]"/>
    <!-- the events, counted without them: the overview's slice has none -->
    <xsl:variable name="n" select="sum($years/@events)"/>
    <header class="masthead">
      <p class="kicker">
        <xsl:text>Timeline</xsl:text>
        <xsl:if test="head/date">
          <xsl:text> · as of </xsl:text>
          <time datetime="{head/date/@value}"><xsl:value-of select="head/date/@display"/></time>
        </xsl:if>
      </p>
      <h1><xsl:value-of select="head/title"/></h1>
      <p class="subtitle">
        <xsl:value-of select="$n"/>
        <xsl:text> event</xsl:text>
        <xsl:if test="$n != 1">s</xsl:if>
        <xsl:text> in time order</xsl:text>
      </p>
    </header>
    <nav class="toc" aria-label="Contents">
      <ul>
        <li><a href="{$root}index.html">Briefing</a></li>
        <xsl:if test="$chart">
          <li><a href="#chart">Chart</a></li>
        </xsl:if>
        <li><a href="#chronology">Chronology</a></li>
        <xsl:for-each select="$years">
          <xsl:variable name="sid"><xsl:apply-templates select="." mode="timeline-year-id"/></xsl:variable>
          <li><a href="#{$sid}"><xsl:apply-templates select="." mode="timeline-year-name"/></a></li>
        </xsl:for-each>
      </ul>
    </nav>
    <main>
      <xsl:apply-templates select="$chart" mode="timeline-figure"/>
      <section id="chronology" aria-labelledby="chronology-h">
        <h2 id="chronology-h">Chronology</h2>
        <xsl:choose>
          <xsl:when test="$n &gt; 0">
            <p class="note" id="chronology-intro">
              <xsl:value-of select="$n"/>
              <xsl:text> event</xsl:text>
              <xsl:if test="$n != 1">s</xsl:if>
              <xsl:text> by time, one page per year, grouped by month</xsl:text>
              <xsl:if test="$chart">: the text equivalent of the chart</xsl:if>
              <xsl:text>. An event with no time of its own is listed under the date of the report that tells of it.</xsl:text>
            </p>
            <ol class="years">
              <xsl:apply-templates select="$years" mode="timeline-overview"/>
            </ol>
          </xsl:when>
          <xsl:otherwise>
            <p class="empty" id="chronology-intro">No events are annotated in the sources.</p>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </main>
  </xsl:template>

  <!-- A year in the overview (id y-YYYY, as its section had when the
       overview listed every event): a link to its page, its months
       (ids m-YYYY-MM) each linking to its place on that page. -->
  <xsl:template match="year | undated" mode="timeline-overview">
    <xsl:variable name="sid"><xsl:apply-templates select="." mode="timeline-year-id"/></xsl:variable>
    <xsl:variable name="page">
      <xsl:value-of select="$root"/>
      <xsl:apply-templates select="." mode="timeline-year-page"/>
    </xsl:variable>
    <li class="timeline-year" id="{$sid}">
      <h3 id="{$sid}-h">
        <a href="{$page}"><xsl:apply-templates select="." mode="timeline-year-name"/></a>
        <xsl:call-template name="timeline-count"/>
      </h3>
      <xsl:if test="month">
        <ul class="months">
          <xsl:for-each select="month">
            <li id="m-{@value}">
              <a href="{$page}#m-{@value}">
                <xsl:call-template name="month-name">
                  <xsl:with-param name="m" select="substring(@value, 6, 2)"/>
                </xsl:call-template>
              </a>
              <xsl:call-template name="timeline-count"/>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- " · N events" of a year or month -->
  <xsl:template name="timeline-count">
    <span class="count">
      <xsl:text> · </xsl:text>
      <xsl:value-of select="@events"/>
      <xsl:text> event</xsl:text>
      <xsl:if test="@events != 1">s</xsl:if>
    </span>
  </xsl:template>

  <!-- The path of a year's page from the site root. -->
  <xsl:template match="year" mode="timeline-year-page">timeline/<xsl:value-of select="@value"/>.html</xsl:template>

  <xsl:template match="undated" mode="timeline-year-page">timeline/undated.html</xsl:template>

  <!-- The chart, inline SVG. -->
  <xsl:template match="diagram" mode="timeline-figure">
    <section id="chart" aria-labelledby="chart-h">
      <h2 id="chart-h">Chart</h2>
      <figure class="diagram timeline-chart" aria-describedby="chronology-intro">
        <div class="diagram-frame">
          <xsl:copy-of select="*"/>
        </div>
        <figcaption>
          <span class="fig-label">Figure 1.</span>
          <xsl:text> One lane per actor, the busiest first. Each event is a mark on the lane of each actor taking part: a dot for a day, a bar for a span, fuzzy when the time is uncertain or approximate, a hollow marker for an event known only to have happened by the date it was reported. Each action is a line from subject to object; a zig-zag marks a long stretch with no event, left out. Point at a mark for its date and text; </xsl:text>
          <a href="#chronology">the chronology</a>
          <xsl:text> below lists the same events as text, one page per year.</xsl:text>
        </figcaption>
      </figure>
    </section>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Grouping                                                      -->
  <!-- ============================================================ -->

  <!-- A year's section (id y-YYYY): its months; or the section of the
       events with no month (y-undated). -->
  <xsl:template match="year | undated" mode="timeline-year">
    <xsl:variable name="sid"><xsl:apply-templates select="." mode="timeline-year-id"/></xsl:variable>
    <section class="timeline-year" id="{$sid}" aria-labelledby="{$sid}-h">
      <h3 id="{$sid}-h"><xsl:apply-templates select="." mode="timeline-year-name"/></h3>
      <xsl:choose>
        <xsl:when test="self::undated">
          <ol class="chronology">
            <xsl:apply-templates select="key('tl-month', '')" mode="timeline"/>
          </ol>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="month" mode="timeline-month"/>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template match="year" mode="timeline-year-id">y-<xsl:value-of select="@value"/></xsl:template>

  <xsl:template match="undated" mode="timeline-year-id">y-undated</xsl:template>

  <xsl:template match="year" mode="timeline-year-name">
    <xsl:value-of select="@value"/>
  </xsl:template>

  <xsl:template match="undated" mode="timeline-year-name">Undated</xsl:template>

  <!-- A month: its heading and its events, in the model's order. -->
  <xsl:template match="month" mode="timeline-month">
    <xsl:variable name="m" select="string(@value)"/>
    <h4 class="timeline-month" id="m-{$m}">
      <xsl:call-template name="month-name">
        <xsl:with-param name="m" select="substring($m, 6, 2)"/>
      </xsl:call-template>
      <xsl:text> </xsl:text>
      <xsl:value-of select="substring($m, 1, 4)"/>
      <xsl:call-template name="timeline-count"/>
    </h4>
    <ol class="chronology">
      <xsl:apply-templates select="key('tl-month', $m)" mode="timeline"/>
    </ol>
  </xsl:template>

  <xsl:template name="month-name">
    <xsl:param name="m"/>
    <xsl:value-of select="normalize-space(substring(
        'January  February March    April    May      June     July     August   SeptemberOctober  November December ',
        (number($m) - 1) * 9 + 1, 9))"/>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- One event                                                     -->
  <!-- ============================================================ -->

  <xsl:template match="event" mode="timeline">
    <xsl:variable name="src" select="key('source', (@source | citation/@source)[1])"/>
    <li class="event" id="{@id}">
      <div class="when">
        <xsl:apply-templates select="time | reported-by" mode="timeline-when"/>
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
        <xsl:apply-templates select="time | reported-by" mode="timeline-dating">
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
                <xsl:choose>
                  <xsl:when test="$a">
                    <a href="{$root}actors/{@ref}.html"><xsl:value-of select="key('actor-name', @ref)"/></a>
                  </xsl:when>
                  <xsl:otherwise><xsl:value-of select="@ref"/></xsl:otherwise>
                </xsl:choose>
              </li>
            </xsl:for-each>
            <xsl:for-each select="topic">
              <xsl:variable name="t" select="key('topic', @ref)"/>
              <li class="tag topic" data-topic="{@ref}">
                <xsl:choose>
                  <xsl:when test="$t">
                    <a href="{$root}topics/{@ref}.html"><xsl:value-of select="$t/name"/></a>
                  </xsl:when>
                  <xsl:otherwise><xsl:value-of select="@ref"/></xsl:otherwise>
                </xsl:choose>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:if>
        <xsl:if test="action">
          <ul class="acts">
            <xsl:for-each select="action">
              <xsl:apply-templates select="key('action', @ref)" mode="timeline-act"/>
            </xsl:for-each>
          </ul>
        </xsl:if>
        <!-- links to the exact place in each source page (common.xsl) -->
        <xsl:apply-templates select="." mode="citations"/>
      </div>
    </li>
  </xsl:template>

  <!-- The date column: the time as a person reads it. -->
  <xsl:template match="time" mode="timeline-when">
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

  <!-- No time of its own: "by" the report's date, never "on" it. -->
  <xsl:template match="reported-by" mode="timeline-when">
    <span class="date reported-by"
          title="The source does not say when it happened; it had happened by the date of the report">
      <xsl:text>by </xsl:text>
      <time datetime="{@value}"><xsl:value-of select="@display"/></time>
    </span>
  </xsl:template>

  <!-- How the date was read. -->
  <xsl:template match="time" mode="timeline-dating">
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

  <xsl:template match="reported-by" mode="timeline-dating">
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
  <xsl:template match="action" mode="timeline-act">
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

</xsl:stylesheet>
