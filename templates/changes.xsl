<?xml version="1.0" encoding="UTF-8"?>
<!--
  changes.xsl - out/changes.html: what changed since the previous build
  (/briefing/changes, computed by the generator).
  Parameters: root ("" for this page).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
              doctype-system="about:legacy-compat"/>

  <xsl:param name="root" select="''"/>

  <xsl:key name="event-by-uid" match="/briefing/events/event" use="@uid"/>

  <xsl:template name="page-path">
    <xsl:value-of select="'changes.html'"/>
  </xsl:template>

  <xsl:template name="page-title">
    <xsl:text>What changed — </xsl:text>
    <xsl:value-of select="/briefing/head/title"/>
  </xsl:template>

  <xsl:template match="briefing" mode="page">
    <nav class="crumbs" aria-label="Breadcrumb">
      <a href="{$root}index.html">
        <xsl:text>← </xsl:text>
        <xsl:value-of select="head/title"/>
      </a>
    </nav>
    <header class="masthead">
      <p class="kicker">Briefing</p>
      <h1>What changed</h1>
    </header>
    <main>
      <xsl:choose>
        <xsl:when test="not(changes) or changes/@since = 'none'">
          <p class="empty">This is the first build into this folder: there is
            nothing to compare with yet.</p>
        </xsl:when>
        <xsl:when test="not(changes/*)">
          <p class="empty">Nothing changed since the previous build.</p>
        </xsl:when>
        <xsl:otherwise>
          <p class="note">Since the build before the last change to the
            sources: events are matched by their key (or their source and
            text), actors by their id.</p>
          <xsl:call-template name="group">
            <xsl:with-param name="title" select="'Events'"/>
            <xsl:with-param name="items" select="changes/event"/>
          </xsl:call-template>
          <xsl:call-template name="group">
            <xsl:with-param name="title" select="'Actors'"/>
            <xsl:with-param name="items" select="changes/actor"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </main>
  </xsl:template>

  <xsl:template name="group">
    <xsl:param name="title"/>
    <xsl:param name="items"/>
    <xsl:if test="$items">
      <section>
        <h2><xsl:value-of select="$title"/></h2>
        <ul class="changes">
          <xsl:for-each select="$items">
            <xsl:sort select="(@change = 'removed') * 2 + (@change = 'changed')" data-type="number"/>
            <li class="change change-{@change}">
              <strong class="change-kind"><xsl:value-of select="@change"/></strong>
              <xsl:text> </xsl:text>
              <xsl:if test="@when">
                <span class="when"><xsl:value-of select="@when"/></span>
                <xsl:text>: </xsl:text>
              </xsl:if>
              <xsl:choose>
                <xsl:when test="self::event and @change != 'removed' and key('event-by-uid', @uid)">
                  <a>
                    <xsl:attribute name="href">
                      <xsl:apply-templates select="key('event-by-uid', @uid)[1]" mode="timeline-href"/>
                    </xsl:attribute>
                    <xsl:value-of select="label"/>
                  </a>
                </xsl:when>
                <xsl:when test="self::actor and @change != 'removed'">
                  <a href="{$root}actors/{@id}.html"><xsl:value-of select="label"/></a>
                </xsl:when>
                <xsl:otherwise><xsl:value-of select="label"/></xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
