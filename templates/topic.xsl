<?xml version="1.0" encoding="UTF-8"?>
<!--
  topic.xsl - one topic's page, out/topics/<topic-id>.html: its events in
  time order and the actors that take part in them.

  Parameters (passed literally):
    topic-id  the id of the topic to render (required);
    root      relative path to the site root, "../" for these pages.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:svg="http://www.w3.org/2000/svg"
                exclude-result-prefixes="svg">

  <xsl:import href="actor.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
              doctype-system="about:legacy-compat"/>

  <xsl:param name="root" select="'../'"/>
  <xsl:param name="topic-id" select="''"/>

  <xsl:key name="events-on" match="/briefing/events/event" use="topic/@ref"/>

  <xsl:variable name="topic" select="key('topic', $topic-id)"/>

  <xsl:template name="page-path">
    <xsl:value-of select="concat('topics/', $topic-id, '.html')"/>
  </xsl:template>

  <xsl:template name="page-title">
    <xsl:value-of select="$topic/name"/>
    <xsl:text> — </xsl:text>
    <xsl:value-of select="/briefing/head/title"/>
  </xsl:template>

  <xsl:template match="briefing" mode="page">
    <xsl:if test="not($topic)">
      <xsl:message terminate="yes">
        <xsl:text>topic.xsl: no topic with id '</xsl:text>
        <xsl:value-of select="$topic-id"/>
        <xsl:text>' in the model</xsl:text>
      </xsl:message>
    </xsl:if>
    <nav class="crumbs" aria-label="Breadcrumb">
      <a href="{$root}index.html">
        <xsl:text>← </xsl:text>
        <xsl:value-of select="head/title"/>
      </a>
      <xsl:text> / Topics</xsl:text>
    </nav>
    <xsl:apply-templates select="$topic" mode="topic-page"/>
  </xsl:template>

  <xsl:template match="topic" mode="topic-page">
    <xsl:variable name="events" select="key('events-on', @id)"/>
    <header class="masthead topic-head">
      <p class="kicker">Topic</p>
      <h1><xsl:value-of select="name"/></h1>
      <dl class="facts">
        <dt>Events</dt><dd><xsl:value-of select="count($events)"/></dd>
      </dl>
    </header>
    <main>
      <section id="actors" aria-labelledby="actors-h">
        <h2 id="actors-h">Actors</h2>
        <xsl:choose>
          <xsl:when test="$events/participant">
            <ul class="topic-actors">
              <!-- each actor once, in the order of the model's actors -->
              <xsl:for-each select="/briefing/actors/actor[@id = $events/participant/@ref]">
                <li>
                  <xsl:call-template name="actor-link">
                    <xsl:with-param name="id" select="@id"/>
                  </xsl:call-template>
                  <xsl:if test="normalize-space(role) != ''">
                    <span class="role"><xsl:text> — </xsl:text><xsl:value-of select="role"/></span>
                  </xsl:if>
                </li>
              </xsl:for-each>
            </ul>
          </xsl:when>
          <xsl:otherwise>
            <p class="empty">No actor takes part in these events.</p>
          </xsl:otherwise>
        </xsl:choose>
      </section>
      <section id="events" aria-labelledby="events-h">
        <h2 id="events-h">Events</h2>
        <xsl:choose>
          <xsl:when test="$events">
            <xsl:call-template name="event-list">
              <xsl:with-param name="events" select="$events"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <p class="empty">No annotated event is on this topic.</p>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </main>
  </xsl:template>

</xsl:stylesheet>
