<?xml version="1.0" encoding="UTF-8"?>
<!--
  actors-common.xsl - the actor graph in HTML, shared by index.xsl,
  actor.xsl and topic.xsl (xsl:import it after common.xsl, whose keys and
  $root it uses).  Not a view of its own.

  * actor-link: an actor's name, linked to its page.
  * edge-table: the text equivalent of a diagram, one row per edge.
  * actor-table: every actor, most connected first.
  * mode="figure" on a <diagram>: the SVG inline, with a caption.

  Actor pages are at actors/<id>.html, topic pages at topics/<id>.html;
  ids are [a-z0-9-], so they go into addresses as they are.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:svg="http://www.w3.org/2000/svg"
                exclude-result-prefixes="svg">

  <!-- Edges by either end (a self-loop is found once). -->
  <xsl:key name="edges-of" match="/briefing/edges/edge" use="@subject | @object"/>
  <!-- Nodes of the diagrams, by their SVG id ("actor-<id>"). -->
  <xsl:key name="svg-node" match="svg:g[@id]" use="@id"/>

  <!-- An actor's name, linked to its page when the model lists it. -->
  <xsl:template name="actor-link">
    <xsl:param name="id"/>
    <xsl:variable name="a" select="key('actor', $id)"/>
    <xsl:choose>
      <xsl:when test="$a">
        <a class="actor-link kind-{$a/@kind}" href="{$root}actors/{$id}.html">
          <xsl:value-of select="key('actor-name', $id)"/>
        </a>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="topic-link">
    <xsl:param name="id"/>
    <xsl:variable name="t" select="key('topic', $id)"/>
    <a class="topic-link" href="{$root}topics/{$id}.html">
      <xsl:choose>
        <xsl:when test="$t"><xsl:value-of select="$t/name"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
      </xsl:choose>
    </a>
  </xsl:template>

  <!-- "verbal-conflict" as words. -->
  <xsl:template name="class-words">
    <xsl:param name="class"/>
    <xsl:value-of select="translate($class, '-', ' ')"/>
  </xsl:template>

  <!-- The edges given, as a table; caption is its caption. -->
  <xsl:template name="edge-table">
    <xsl:param name="edges"/>
    <xsl:param name="caption"/>
    <div class="table-wrap">
      <table class="edges">
        <caption><xsl:value-of select="$caption"/></caption>
        <thead>
          <tr>
            <th scope="col">Subject</th>
            <th scope="col">Action</th>
            <th scope="col">Object</th>
            <th scope="col" class="num">Count</th>
            <th scope="col">Dates</th>
          </tr>
        </thead>
        <tbody>
          <xsl:apply-templates select="$edges" mode="edge-row"/>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template match="edge" mode="edge-row">
    <tr>
      <td>
        <xsl:call-template name="actor-link">
          <xsl:with-param name="id" select="@subject"/>
        </xsl:call-template>
      </td>
      <td>
        <span class="act-type {@class}">
          <xsl:choose>
            <xsl:when test="@type"><xsl:value-of select="@type"/></xsl:when>
            <xsl:otherwise>untyped</xsl:otherwise>
          </xsl:choose>
        </span>
        <xsl:text> </xsl:text>
        <span class="act-class">
          <xsl:text>(</xsl:text>
          <xsl:call-template name="class-words">
            <xsl:with-param name="class" select="@class"/>
          </xsl:call-template>
          <xsl:text>)</xsl:text>
        </span>
        <xsl:if test="words">
          <xsl:text> </xsl:text>
          <xsl:for-each select="words">
            <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
            <q class="words"><xsl:value-of select="."/></q>
          </xsl:for-each>
        </xsl:if>
      </td>
      <td>
        <xsl:call-template name="actor-link">
          <xsl:with-param name="id" select="@object"/>
        </xsl:call-template>
      </td>
      <td class="num"><xsl:value-of select="@count"/></td>
      <td class="dates">
        <xsl:choose>
          <xsl:when test="@first and @last and @first != @last">
            <time datetime="{@first}"><xsl:value-of select="@first"/></time>
            <xsl:text> – </xsl:text>
            <time datetime="{@last}"><xsl:value-of select="@last"/></time>
          </xsl:when>
          <xsl:when test="@first">
            <time datetime="{@first}"><xsl:value-of select="@first"/></time>
          </xsl:when>
          <xsl:otherwise>not dated</xsl:otherwise>
        </xsl:choose>
      </td>
    </tr>
  </xsl:template>

  <!-- Every actor of the model, most connected first (the sum of the
       counts of its edges: the order in which the overview keeps actors
       when it cannot draw them all). -->
  <xsl:template name="actor-table">
    <xsl:param name="caption"/>
    <xsl:param name="mark-drawn" select="false()"/>
    <div class="table-wrap">
      <table class="actors">
        <caption><xsl:value-of select="$caption"/></caption>
        <thead>
          <tr>
            <th scope="col">Actor</th>
            <th scope="col">Kind</th>
            <th scope="col">Member of</th>
            <th scope="col" class="num">Events</th>
            <th scope="col" class="num">Actions given</th>
            <th scope="col" class="num">Received</th>
            <th scope="col" class="num">Weight</th>
            <xsl:if test="$mark-drawn"><th scope="col">In the diagram</th></xsl:if>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="/briefing/actors/actor">
            <xsl:sort select="sum(key('edges-of', @id)/@count)" data-type="number" order="descending"/>
            <xsl:sort select="@events" data-type="number" order="descending"/>
            <xsl:sort select="@id"/>
            <tr>
              <th scope="row">
                <xsl:call-template name="actor-link">
                  <xsl:with-param name="id" select="@id"/>
                </xsl:call-template>
              </th>
              <td><xsl:value-of select="@kind"/></td>
              <td>
                <xsl:for-each select="member-of">
                  <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
                  <xsl:call-template name="actor-link">
                    <xsl:with-param name="id" select="@ref"/>
                  </xsl:call-template>
                </xsl:for-each>
              </td>
              <td class="num"><xsl:value-of select="@events"/></td>
              <td class="num"><xsl:value-of select="@actions-given"/></td>
              <td class="num"><xsl:value-of select="@actions-received"/></td>
              <td class="num"><xsl:value-of select="sum(key('edges-of', @id)/@count)"/></td>
              <xsl:if test="$mark-drawn">
                <td>
                  <xsl:choose>
                    <xsl:when test="key('svg-node', concat('actor-', @id))">yes</xsl:when>
                    <xsl:otherwise>no</xsl:otherwise>
                  </xsl:choose>
                </td>
              </xsl:if>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

</xsl:stylesheet>
