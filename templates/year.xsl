<?xml version="1.0" encoding="UTF-8"?>
<!--
  year.xsl - the page of one year of the chronology, out/timeline/YEAR.html
  (out/timeline/undated.html: the events with no month).

  The year's events grouped by month, with the markup of timeline.xsl
  (imported: the same sections, ids and events), between a way back to
  the overview (timeline.html) and links to the years before and after.

  Rendered from the year's slice of the model (gen/slice.h, AN_SLICE_YEAR:
  its events, what they name, and the chronology's element of the year
  between those of its neighbours, which carry their @value only); the
  page is the same from the whole model.

  Parameters (passed literally): root = "../"; year-id = the year's
  chronology/year/@value, or "undated".
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="timeline.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
              doctype-system="about:legacy-compat"/>

  <xsl:param name="root" select="'../'"/>
  <xsl:param name="year-id" select="''"/>

  <xsl:variable name="me"
      select="/briefing/chronology/year[@value = $year-id]
              | /briefing/chronology/undated[$year-id = 'undated']"/>

  <xsl:template name="page-path">
    <xsl:value-of select="concat('timeline/', $year-id, '.html')"/>
  </xsl:template>

  <xsl:template name="page-title">
    <xsl:apply-templates select="$me" mode="timeline-year-name"/>
    <xsl:text> · Timeline · </xsl:text>
    <xsl:value-of select="/briefing/head/title"/>
  </xsl:template>

  <xsl:template match="briefing" mode="page">
    <xsl:if test="not($me)">
      <xsl:message terminate="yes">
        <xsl:text>year.xsl: no year '</xsl:text>
        <xsl:value-of select="$year-id"/>
        <xsl:text>' in the chronology</xsl:text>
      </xsl:message>
    </xsl:if>
    <xsl:variable name="name"><xsl:apply-templates select="$me" mode="timeline-year-name"/></xsl:variable>
    <nav class="crumbs" aria-label="Breadcrumb">
      <a href="{$root}index.html">
        <xsl:text>← </xsl:text>
        <xsl:value-of select="head/title"/>
      </a>
      <xsl:text> / </xsl:text>
      <a href="{$root}timeline.html#y-{$year-id}">Timeline</a>
      <xsl:text> / </xsl:text>
      <span aria-current="page"><xsl:value-of select="$name"/></span>
    </nav>
    <header class="masthead">
      <p class="kicker">
        <xsl:text>Timeline · </xsl:text>
        <xsl:value-of select="$name"/>
        <xsl:if test="head/date">
          <xsl:text> · as of </xsl:text>
          <time datetime="{head/date/@value}"><xsl:value-of select="head/date/@display"/></time>
        </xsl:if>
      </p>
      <h1><xsl:value-of select="head/title"/></h1>
      <p class="subtitle">
        <xsl:value-of select="$me/@events"/>
        <xsl:text> event</xsl:text>
        <xsl:if test="$me/@events != 1">s</xsl:if>
        <xsl:choose>
          <xsl:when test="$me/self::undated"> with no date</xsl:when>
          <xsl:otherwise>
            <xsl:text> in </xsl:text>
            <xsl:value-of select="$name"/>
            <xsl:text>, by month</xsl:text>
          </xsl:otherwise>
        </xsl:choose>
      </p>
    </header>
    <nav class="toc" aria-label="Contents">
      <ul>
        <li><a href="{$root}timeline.html">All years</a></li>
        <xsl:for-each select="$me/month">
          <li>
            <a href="#m-{@value}">
              <xsl:call-template name="month-name">
                <xsl:with-param name="m" select="substring(@value, 6, 2)"/>
              </xsl:call-template>
            </a>
          </li>
        </xsl:for-each>
      </ul>
    </nav>
    <main>
      <section id="chronology" aria-labelledby="chronology-h">
        <h2 id="chronology-h">Chronology</h2>
        <p class="note" id="chronology-intro">
          <xsl:choose>
            <xsl:when test="$me/self::undated">
              <xsl:text>The events whose sources give no date, not even one of publication.</xsl:text>
            </xsl:when>
            <xsl:otherwise>
              <xsl:text>The events of </xsl:text>
              <xsl:value-of select="$name"/>
              <xsl:text> by time, grouped by month. An event with no time of its own is listed under the date of the report that tells of it.</xsl:text>
            </xsl:otherwise>
          </xsl:choose>
        </p>
        <xsl:apply-templates select="$me" mode="timeline-year"/>
      </section>
    </main>
    <xsl:variable name="prev" select="$me/preceding-sibling::*[1]"/>
    <xsl:variable name="next" select="$me/following-sibling::*[1]"/>
    <xsl:if test="$prev | $next">
      <nav class="toc pager" aria-label="Other years">
        <ul>
          <xsl:for-each select="$prev">
            <li>
              <a rel="prev">
                <xsl:attribute name="href">
                  <xsl:value-of select="$root"/>
                  <xsl:apply-templates select="." mode="timeline-year-page"/>
                </xsl:attribute>
                <xsl:text>← </xsl:text>
                <xsl:apply-templates select="." mode="timeline-year-name"/>
              </a>
            </li>
          </xsl:for-each>
          <xsl:for-each select="$next">
            <li>
              <a rel="next">
                <xsl:attribute name="href">
                  <xsl:value-of select="$root"/>
                  <xsl:apply-templates select="." mode="timeline-year-page"/>
                </xsl:attribute>
                <xsl:apply-templates select="." mode="timeline-year-name"/>
                <xsl:text> →</xsl:text>
              </a>
            </li>
          </xsl:for-each>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
