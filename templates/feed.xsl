<?xml version="1.0" encoding="UTF-8"?>
<!--
  feed.xsl - out/feed.xml, the chronology as an Atom feed (RFC 4287),
  newest events first (the last 100 of the model's order).

  Parameters (passed literally): base-url = the address the site is
  published at, ending with "/", or "" (the links are then relative to
  the feed, which Atom allows, and there is no rel="self").

  Ids are stable from build to build: an entry's is
  urn:annalist:event:UID (the event's uid, docs/model.md); the feed's is
  the feed's address with a base URL, else urn:annalist:feed: and the
  title's letters and digits.  Dates: the build time (SOURCE_DATE_EPOCH),
  else the as-of date, else the newest publication date, else 1970-01-01;
  an entry's, the publication date of its first source.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/2005/Atom">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="base-url" select="''"/>
  <xsl:param name="root" select="''"/>

  <xsl:variable name="max" select="100"/>

  <xsl:key name="source" match="/briefing/sources/source" use="@id"/>
  <xsl:key name="topic" match="/briefing/topics/topic" use="@id"/>

  <xsl:variable name="latest-published">
    <xsl:for-each select="/briefing/sources/source/published/@value">
      <xsl:sort select="." order="descending"/>
      <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
    </xsl:for-each>
  </xsl:variable>

  <xsl:variable name="updated">
    <xsl:choose>
      <xsl:when test="/briefing/@built"><xsl:value-of select="/briefing/@built"/></xsl:when>
      <xsl:when test="/briefing/head/date/@value">
        <xsl:value-of select="concat(/briefing/head/date/@value, 'T00:00:00Z')"/>
      </xsl:when>
      <xsl:when test="$latest-published != ''">
        <xsl:value-of select="concat($latest-published, 'T00:00:00Z')"/>
      </xsl:when>
      <xsl:otherwise>1970-01-01T00:00:00Z</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:apply-templates select="briefing"/>
  </xsl:template>

  <xsl:template match="briefing">
    <xsl:variable name="title" select="normalize-space(head/title)"/>
    <feed>
      <xsl:if test="normalize-space(head/@lang) != ''">
        <xsl:attribute name="xml:lang"><xsl:value-of select="normalize-space(head/@lang)"/></xsl:attribute>
      </xsl:if>
      <title><xsl:value-of select="$title"/></title>
      <xsl:if test="normalize-space(head/subtitle) != ''">
        <subtitle><xsl:value-of select="normalize-space(head/subtitle)"/></subtitle>
      </xsl:if>
      <id>
        <xsl:choose>
          <xsl:when test="$base-url != ''"><xsl:value-of select="concat($base-url, 'feed.xml')"/></xsl:when>
          <xsl:otherwise>
            <xsl:variable name="lower"
                select="translate($title, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ ', 'abcdefghijklmnopqrstuvwxyz-')"/>
            <xsl:variable name="keep" select="'abcdefghijklmnopqrstuvwxyz0123456789-'"/>
            <xsl:value-of select="concat('urn:annalist:feed:', translate($lower, translate($lower, $keep, ''), ''))"/>
          </xsl:otherwise>
        </xsl:choose>
      </id>
      <updated><xsl:value-of select="$updated"/></updated>
      <author>
        <name>
          <xsl:choose>
            <xsl:when test="normalize-space(head/author) != ''"><xsl:value-of select="normalize-space(head/author)"/></xsl:when>
            <xsl:otherwise>Annalist</xsl:otherwise>
          </xsl:choose>
        </name>
      </author>
      <generator><xsl:value-of select="@generator"/></generator>
      <link rel="alternate" type="text/html" href="{$base-url}index.html"/>
      <xsl:if test="$base-url != ''">
        <link rel="self" type="application/atom+xml" href="{$base-url}feed.xml"/>
      </xsl:if>
      <xsl:variable name="n" select="count(events/event)"/>
      <xsl:for-each select="events/event[position() &gt; $n - $max]">
        <xsl:sort select="position()" data-type="number" order="descending"/>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
    </feed>
  </xsl:template>

  <xsl:template match="event">
    <xsl:variable name="text" select="normalize-space(text)"/>
    <xsl:variable name="when" select="(time/@display | reported-by/@display)[1]"/>
    <xsl:variable name="published" select="key('source', citation[1]/@source)/published/@value"/>
    <entry>
      <id><xsl:value-of select="concat('urn:annalist:event:', @uid)"/></id>
      <title>
        <xsl:if test="reported-by">reported by </xsl:if>
        <xsl:if test="$when">
          <xsl:value-of select="$when"/>
          <xsl:text>: </xsl:text>
        </xsl:if>
        <xsl:value-of select="substring($text, 1, 100)"/>
        <xsl:if test="string-length($text) &gt; 100">…</xsl:if>
      </title>
      <updated>
        <xsl:choose>
          <xsl:when test="$published"><xsl:value-of select="concat($published, 'T00:00:00Z')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$updated"/></xsl:otherwise>
        </xsl:choose>
      </updated>
      <link rel="alternate" type="text/html">
        <xsl:attribute name="href">
          <xsl:value-of select="$base-url"/>
          <xsl:choose>
            <xsl:when test="@source"><xsl:value-of select="concat('sources/', @source, '.html#', @id)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="concat('index.html#', @id)"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </link>
      <xsl:for-each select="topic">
        <category term="{@ref}" label="{key('topic', @ref)/name}"/>
      </xsl:for-each>
      <content type="text"><xsl:value-of select="$text"/></content>
    </entry>
  </xsl:template>

</xsl:stylesheet>
