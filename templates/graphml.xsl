<?xml version="1.0" encoding="UTF-8"?>
<!--
  graphml.xsl - the actor graph as GraphML, out/actors.graphml, for Gephi,
  yEd, NetworkX, Graphviz's graphml2gv...

  One <node> per actor of the model (id = the actor's id), one directed
  <edge> per model edge (subject → object), with GraphML-Attributes data:
  nodes carry name, kind, role, parent and counts; edges type, class,
  count, first/last dates and the words used.  Attribute names are those
  of the model (and of out/actors.json).  No parameters.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://graphml.graphdrawing.org/xmlns">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <!-- No xsl:strip-space: libxslt strips the input document in place, and
       the model is rendered again after this view (the actor and topic
       pages): the spaces between inline elements of its texts must stay. -->

  <!-- the generator passes root to every view; unused here -->
  <xsl:param name="root" select="''"/>

  <xsl:template match="/">
    <graphml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
             xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
      <key id="name" for="node" attr.name="name" attr.type="string"/>
      <key id="label" for="node" attr.name="label" attr.type="string"/>
      <key id="kind" for="node" attr.name="kind" attr.type="string"/>
      <key id="role" for="node" attr.name="role" attr.type="string"/>
      <key id="parent" for="node" attr.name="parent" attr.type="string"/>
      <key id="declared" for="node" attr.name="declared" attr.type="boolean"/>
      <key id="events" for="node" attr.name="events" attr.type="int"/>
      <key id="actions_given" for="node" attr.name="actions_given" attr.type="int"/>
      <key id="actions_received" for="node" attr.name="actions_received" attr.type="int"/>
      <key id="type" for="edge" attr.name="type" attr.type="string"/>
      <key id="class" for="edge" attr.name="class" attr.type="string"/>
      <key id="count" for="edge" attr.name="count" attr.type="int"/>
      <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
      <key id="first" for="edge" attr.name="first" attr.type="string"/>
      <key id="last" for="edge" attr.name="last" attr.type="string"/>
      <key id="words" for="edge" attr.name="words" attr.type="string"/>
      <graph id="actors" edgedefault="directed">
        <xsl:apply-templates select="/briefing/actors/actor"/>
        <xsl:apply-templates select="/briefing/edges/edge"/>
      </graph>
    </graphml>
  </xsl:template>

  <xsl:template match="actor">
    <node id="{@id}">
      <data key="name"><xsl:value-of select="name"/></data>
      <!-- Gephi shows "label" as the node's label -->
      <data key="label"><xsl:value-of select="name"/></data>
      <data key="kind"><xsl:value-of select="@kind"/></data>
      <xsl:if test="role">
        <data key="role"><xsl:value-of select="role"/></data>
      </xsl:if>
      <xsl:if test="@parent">
        <data key="parent"><xsl:value-of select="@parent"/></data>
      </xsl:if>
      <data key="declared"><xsl:value-of select="@declared = 'true'"/></data>
      <data key="events"><xsl:value-of select="number(concat('0', @events))"/></data>
      <data key="actions_given"><xsl:value-of select="number(concat('0', @actions-given))"/></data>
      <data key="actions_received"><xsl:value-of select="number(concat('0', @actions-received))"/></data>
    </node>
  </xsl:template>

  <xsl:template match="edge">
    <edge id="{@id}" source="{@subject}" target="{@object}">
      <xsl:if test="@type">
        <data key="type"><xsl:value-of select="@type"/></data>
      </xsl:if>
      <data key="class"><xsl:value-of select="@class"/></data>
      <data key="count"><xsl:value-of select="@count"/></data>
      <data key="weight"><xsl:value-of select="@count"/></data>
      <xsl:if test="@first">
        <data key="first"><xsl:value-of select="@first"/></data>
      </xsl:if>
      <xsl:if test="@last">
        <data key="last"><xsl:value-of select="@last"/></data>
      </xsl:if>
      <data key="words">
        <xsl:for-each select="words">
          <xsl:if test="position() &gt; 1"><xsl:text>; </xsl:text></xsl:if>
          <xsl:value-of select="."/>
        </xsl:for-each>
      </data>
    </edge>
  </xsl:template>

</xsl:stylesheet>
