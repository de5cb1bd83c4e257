<?xml version="1.0"?>
<!-- Tries to read from the network with document(). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" omit-xml-declaration="yes"/>
  <xsl:template match="/"><out><xsl:copy-of select="document('http://127.0.0.1:9/x.xml')"/></out></xsl:template>
</xsl:stylesheet>
