<?xml version="1.0" encoding="UTF-8"?>
<!--
  fragment.xsl - the blocks of /briefing/head/summary and nothing else:
  no page chrome, no doctype, no whitespace beyond what cmark emits (a
  newline after each block).  For the conformance test, which compares
  this output with the HTML that cmark_render_html gives for the same
  Markdown (or with the CommonMark spec's, after normalisation).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:variable name="cmark-exact" select="true()"/>

  <xsl:template match="/">
    <xsl:apply-templates select="/briefing/head/summary/*" mode="body"/>
  </xsl:template>

</xsl:stylesheet>
