<?xml version="1.0" encoding="UTF-8"?>
<!--
  source.xsl - one source page, out/sources/<source-id>.html.

  Parameters (passed literally):
    source-id  the id of the source to render (required);
    root       relative path to the site root, "../" for these pages.
  Event blocks carry id="ev-N" (from @event) so the chronology links land.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:svg="http://www.w3.org/2000/svg"
                exclude-result-prefixes="svg">

  <xsl:import href="common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
              doctype-system="about:legacy-compat"/>

  <xsl:param name="root" select="'../'"/>
  <xsl:param name="source-id" select="''"/>

  <xsl:variable name="src" select="key('source', $source-id)"/>

  <xsl:template name="page-path">
    <xsl:value-of select="concat('sources/', $source-id, '.html')"/>
  </xsl:template>

  <xsl:template name="jsonld-for">
    <xsl:value-of select="concat('source:', $source-id)"/>
  </xsl:template>

  <xsl:template name="page-title">
    <xsl:value-of select="$src/title"/>
    <xsl:text> — </xsl:text>
    <xsl:value-of select="/briefing/head/title"/>
  </xsl:template>

  <xsl:template match="briefing" mode="page">
    <xsl:if test="not($src)">
      <xsl:message terminate="yes">
        <xsl:text>source.xsl: no source with id '</xsl:text>
        <xsl:value-of select="$source-id"/>
        <xsl:text>' in the model</xsl:text>
      </xsl:message>
    </xsl:if>
    <nav class="crumbs" aria-label="Breadcrumb">
      <a href="{$root}index.html">
        <xsl:text>← </xsl:text>
        <xsl:value-of select="head/title"/>
      </a>
      <xsl:text> / </xsl:text>
      <a href="{$root}index.html#sources">Sources</a>
    </nav>
    <xsl:apply-templates select="$src" mode="source-page"/>
  </xsl:template>

  <xsl:template match="source" mode="source-page">
    <header class="masthead source-head">
      <p class="kicker">Source</p>
      <h1>
        <xsl:call-template name="lang-attr"/>
        <xsl:value-of select="title"/>
      </h1>
      <dl class="facts">
        <xsl:if test="normalize-space(publisher) != ''">
          <dt>Publisher</dt><dd><xsl:value-of select="publisher"/></dd>
        </xsl:if>
        <xsl:if test="normalize-space(author) != ''">
          <dt>Author</dt><dd><xsl:value-of select="author"/></dd>
        </xsl:if>
        <xsl:if test="published">
          <dt>Published</dt>
            <dd><time datetime="{published/@value}"><xsl:value-of select="published/@display"/></time></dd>
        </xsl:if>
        <xsl:if test="grading">
          <dt>Grading</dt>
            <dd>
              <abbr class="grading"
                    title="Admiralty grading: source reliability {grading/@reliability}, information credibility {grading/@credibility}">
                <xsl:value-of select="normalize-space(grading)"/>
              </abbr>
              <xsl:text> (reliability </xsl:text>
              <xsl:value-of select="grading/@reliability"/>
              <xsl:text>, credibility </xsl:text>
              <xsl:value-of select="grading/@credibility"/>
              <xsl:text>)</xsl:text>
            </dd>
        </xsl:if>
        <xsl:if test="normalize-space(url) != ''">
          <dt>Original</dt>
            <dd>
              <!-- a link only for http(s): a 'javascript:' or 'data:' url is text -->
              <xsl:variable name="url-scheme" select="translate(substring-before(normalize-space(url), ':'),
                                                      'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
              <xsl:choose>
                <xsl:when test="$url-scheme = 'http' or $url-scheme = 'https'">
                  <a href="{normalize-space(url)}" rel="noopener noreferrer">
                    <xsl:value-of select="normalize-space(url)"/>
                  </a>
                </xsl:when>
                <xsl:otherwise><xsl:value-of select="normalize-space(url)"/></xsl:otherwise>
              </xsl:choose>
            </dd>
        </xsl:if>
        <xsl:for-each select="meta">
          <dt><xsl:value-of select="@key"/></dt><dd><xsl:value-of select="."/></dd>
        </xsl:for-each>
        <dt>File</dt>
          <dd><code><xsl:value-of select="@file"/></code></dd>
      </dl>
      <p class="cite-as">
        <span class="label">Cite as</span>
        <xsl:text> </xsl:text>
        <xsl:apply-templates select="." mode="citation">
          <xsl:with-param name="title-link" select="false()"/>
        </xsl:apply-templates>
      </p>
    </header>

    <main class="source-main">
      <aside class="legend" aria-label="Annotation key">
        <h2>Key</h2>
        <ul>
          <li><span class="actor">actor</span></li>
          <li><span class="action verbal-cooperation">verbal cooperation</span></li>
          <li><span class="action material-cooperation">material cooperation</span></li>
          <li><span class="action verbal-conflict">verbal conflict</span></li>
          <li><span class="action material-conflict">material conflict</span></li>
          <li><span class="action neutral">other action</span></li>
          <li><span class="time">time</span></li>
          <li><span class="topic">topic</span></li>
          <li><span class="event-swatch">event in the chronology</span></li>
        </ul>
      </aside>
      <article class="prose source-body">
        <xsl:if test="@lang">
          <xsl:attribute name="lang"><xsl:value-of select="@lang"/></xsl:attribute>
        </xsl:if>
        <xsl:apply-templates select="body/*" mode="body"/>
      </article>
      <xsl:variable name="events" select="key('events-by-source', @id)"/>
      <xsl:if test="$events">
        <section class="source-events" aria-labelledby="source-events-h">
          <h2 id="source-events-h">Events in this source</h2>
          <ol>
            <xsl:for-each select="$events">
              <li>
                <a href="#{@id}">
                  <xsl:choose>
                    <xsl:when test="time"><xsl:value-of select="time/@display"/></xsl:when>
                    <xsl:otherwise>Date not stated</xsl:otherwise>
                  </xsl:choose>
                </a>
                <xsl:text>, line </xsl:text>
                <xsl:value-of select="citation[@source = $source-id][1]/@line"/>
                <xsl:if test="@conflict = 'true'">
                  <xsl:text> · </xsl:text>
                  <strong class="conflict">sources disagree on the date</strong>
                </xsl:if>
                <xsl:text> · </xsl:text>
                <a><xsl:attribute name="href"><xsl:apply-templates select="." mode="timeline-href"/></xsl:attribute>in the chronology</a>
              </li>
            </xsl:for-each>
          </ol>
        </section>
      </xsl:if>
      <xsl:variable name="times" select="body//time-ref"/>
      <xsl:if test="$times">
        <section class="audit" aria-labelledby="audit-h">
          <h2 id="audit-h">How the times were read</h2>
          <p class="note">Each time in this source, the words it was read from,
            the date they were read against and the rule applied, so that every
            date in the chronology can be defended.</p>
          <table class="audit-table">
            <thead>
              <tr><th scope="col">Line</th><th scope="col">Words</th>
                <th scope="col">Read as</th><th scope="col">Against</th>
                <th scope="col">Rule</th></tr>
            </thead>
            <tbody>
              <xsl:for-each select="$times">
                <tr>
                  <td><xsl:value-of select="@line"/>:<xsl:value-of select="@column"/></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@phrase">‘<xsl:value-of select="@phrase"/>’</xsl:when>
                      <xsl:otherwise><code>^<xsl:value-of select="@value"/></code></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td>
                    <xsl:value-of select="@display"/>
                    <xsl:text> </xsl:text>
                    <code><xsl:value-of select="@value"/></code>
                  </td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@anchor = 'published'">the publication date</xsl:when>
                      <xsl:when test="@anchor = 'story'">the preceding time in the story</xsl:when>
                      <xsl:otherwise>nothing: an explicit date</xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@rule"><xsl:value-of select="@rule"/></xsl:when>
                      <xsl:otherwise>an explicit EDTF value, <xsl:value-of select="@precision"/> precision</xsl:otherwise>
                    </xsl:choose>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </section>
      </xsl:if>
    </main>
  </xsl:template>

</xsl:stylesheet>
