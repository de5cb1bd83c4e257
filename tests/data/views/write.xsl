<?xml version="1.0"?>
<!-- A hostile stylesheet: tries to write a file with exsl:document. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
  <xsl:param name="target" select="'/tmp/annalist-should-not-exist'"/>
  <xsl:template match="/">
    <exsl:document href="{$target}" method="text">written</exsl:document>
    <out/>
  </xsl:template>
</xsl:stylesheet>
