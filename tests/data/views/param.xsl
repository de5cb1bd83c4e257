<?xml version="1.0"?>
<!-- Echoes its parameter, to show parameters are taken literally. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" omit-xml-declaration="yes"/>
  <xsl:param name="p" select="'default'"/>
  <xsl:template match="/"><out><xsl:value-of select="$p"/></out></xsl:template>
</xsl:stylesheet>
