<?xml version="1.0" encoding="UTF-8"?>
<!--
  sitemap.xsl - out/sitemap.xml (sitemaps.org 0.9): the address of every
  page.  Written only with a base URL (a sitemap lists absolute
  addresses); the generator does not call it without one.

  Parameters (passed literally): base-url, ending with "/".
  The pages are those the build writes: index, timeline, changes, one per
  year of the chronology (and one for its undated events), one per source,
  actor and topic (gen/build.c, gen/yearsite.c, gen/actorsite.c).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="base-url" select="''"/>
  <xsl:param name="root" select="''"/>

  <xsl:template match="/">
    <urlset>
      <xsl:call-template name="url"><xsl:with-param name="path" select="'index.html'"/></xsl:call-template>
      <xsl:call-template name="url"><xsl:with-param name="path" select="'timeline.html'"/></xsl:call-template>
      <xsl:call-template name="url"><xsl:with-param name="path" select="'changes.html'"/></xsl:call-template>
      <xsl:for-each select="/briefing/chronology/year">
        <xsl:call-template name="url"><xsl:with-param name="path" select="concat('timeline/', @value, '.html')"/></xsl:call-template>
      </xsl:for-each>
      <xsl:if test="/briefing/chronology/undated">
        <xsl:call-template name="url"><xsl:with-param name="path" select="'timeline/undated.html'"/></xsl:call-template>
      </xsl:if>
      <xsl:for-each select="/briefing/sources/source">
        <xsl:call-template name="url"><xsl:with-param name="path" select="concat('sources/', @id, '.html')"/></xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="/briefing/actors/actor">
        <xsl:call-template name="url"><xsl:with-param name="path" select="concat('actors/', @id, '.html')"/></xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="/briefing/topics/topic">
        <xsl:call-template name="url"><xsl:with-param name="path" select="concat('topics/', @id, '.html')"/></xsl:call-template>
      </xsl:for-each>
    </urlset>
  </xsl:template>

  <xsl:template name="url">
    <xsl:param name="path"/>
    <url><loc><xsl:value-of select="concat($base-url, $path)"/></loc></url>
  </xsl:template>

</xsl:stylesheet>
