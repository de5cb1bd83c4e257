<?xml version="1.0" encoding="UTF-8"?>
<!--
  actor.xsl - one actor's page, out/actors/<actor-id>.html.

  Parameters (passed literally):
    actor-id  the id of the actor to render (required);
    root      relative path to the site root, "../" for these pages.
  The ego diagram, when the generator drew one, is
  /briefing/diagrams/diagram[@name = concat('ego-', $actor-id)]; its
  nodes link to "<id>.html", beside this page.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:svg="http://www.w3.org/2000/svg"
                exclude-result-prefixes="svg">

  <xsl:import href="common.xsl"/>
  <xsl:import href="actors-common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
              doctype-system="about:legacy-compat"/>

  <xsl:param name="root" select="'../'"/>
  <xsl:param name="actor-id" select="''"/>

  <xsl:key name="events-of" match="/briefing/events/event" use="participant/@ref"/>
  <xsl:key name="members" match="/briefing/actors/actor" use="member-of/@ref"/>

  <xsl:variable name="me" select="key('actor', $actor-id)"/>

  <xsl:template name="page-path">
    <xsl:value-of select="concat('actors/', $actor-id, '.html')"/>
  </xsl:template>

  <xsl:template name="jsonld-for">
    <xsl:value-of select="concat('actor:', $actor-id)"/>
  </xsl:template>

  <xsl:template name="page-title">
    <xsl:value-of select="$me/name"/>
    <xsl:text> — </xsl:text>
    <xsl:value-of select="/briefing/head/title"/>
  </xsl:template>

  <xsl:template match="briefing" mode="page">
    <xsl:if test="not($me)">
      <xsl:message terminate="yes">
        <xsl:text>actor.xsl: no actor with id '</xsl:text>
        <xsl:value-of select="$actor-id"/>
        <xsl:text>' in the model</xsl:text>
      </xsl:message>
    </xsl:if>
    <nav class="crumbs" aria-label="Breadcrumb">
      <a href="{$root}index.html">
        <xsl:text>← </xsl:text>
        <xsl:value-of select="head/title"/>
      </a>
      <xsl:text> / </xsl:text>
      <a href="{$root}index.html#actors">Actors</a>
    </nav>
    <xsl:apply-templates select="$me" mode="actor-page"/>
  </xsl:template>

  <xsl:template match="actor" mode="actor-page">
    <xsl:variable name="edges" select="key('edges-of', @id)"/>
    <xsl:variable name="events" select="key('events-of', @id)"/>
    <header class="masthead actor-head">
      <p class="kicker">
        <xsl:text>Actor · </xsl:text>
        <xsl:value-of select="@kind"/>
      </p>
      <h1><xsl:value-of select="name"/></h1>
      <xsl:if test="normalize-space(role) != ''">
        <p class="subtitle"><xsl:value-of select="role"/></p>
      </xsl:if>
      <dl class="facts">
        <dt>Kind</dt><dd><xsl:value-of select="@kind"/></dd>
        <xsl:if test="alias">
          <dt>Also called</dt>
          <dd>
            <xsl:for-each select="alias">
              <xsl:if test="position() &gt; 1"><xsl:text>; </xsl:text></xsl:if>
              <xsl:value-of select="."/>
            </xsl:for-each>
          </dd>
        </xsl:if>
        <xsl:if test="member-of">
          <dt>Member of</dt>
          <dd>
            <xsl:for-each select="member-of">
              <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
              <xsl:call-template name="actor-link">
                <xsl:with-param name="id" select="@ref"/>
              </xsl:call-template>
            </xsl:for-each>
          </dd>
        </xsl:if>
        <xsl:if test="key('members', @id)">
          <dt>Members</dt>
          <dd>
            <xsl:for-each select="key('members', @id)">
              <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
              <xsl:call-template name="actor-link">
                <xsl:with-param name="id" select="@id"/>
              </xsl:call-template>
            </xsl:for-each>
          </dd>
        </xsl:if>
        <dt>Events</dt><dd><xsl:value-of select="count($events)"/></dd>
        <xsl:if test="@declared != 'true'">
          <dt>Declared</dt><dd>no: made from a mention, without a file of its own</dd>
        </xsl:if>
      </dl>
    </header>
    <nav class="toc" aria-label="Contents">
      <ul>
        <xsl:if test="profile/*"><li><a href="#profile">Profile</a></li></xsl:if>
        <li><a href="#actions">Actions</a></li>
        <li><a href="#events">Events</a></li>
        <li><a href="#mentions">Mentions</a></li>
      </ul>
    </nav>
    <main>
      <xsl:if test="profile/*">
        <section id="profile" aria-labelledby="profile-h">
          <h2 id="profile-h">Profile</h2>
          <div class="prose">
            <xsl:apply-templates select="profile/*" mode="body"/>
          </div>
        </section>
      </xsl:if>

      <section id="actions" aria-labelledby="actions-h">
        <h2 id="actions-h">Actions</h2>
        <xsl:choose>
          <xsl:when test="action-count">
            <div class="table-wrap">
              <table class="counts">
                <caption>Actions of <xsl:value-of select="name"/> by class</caption>
                <thead>
                  <tr>
                    <th scope="col">Class</th>
                    <th scope="col" class="num">Given</th>
                    <th scope="col" class="num">Received</th>
                  </tr>
                </thead>
                <tbody>
                  <xsl:for-each select="action-count">
                    <tr>
                      <th scope="row">
                        <span class="act-type {@class}">
                          <xsl:call-template name="class-words">
                            <xsl:with-param name="class" select="@class"/>
                          </xsl:call-template>
                        </span>
                      </th>
                      <td class="num"><xsl:value-of select="@given"/></td>
                      <td class="num"><xsl:value-of select="@received"/></td>
                    </tr>
                  </xsl:for-each>
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">All</th>
                    <td class="num"><xsl:value-of select="@actions-given"/></td>
                    <td class="num"><xsl:value-of select="@actions-received"/></td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </xsl:when>
          <xsl:otherwise>
            <p class="empty">No annotated action has <xsl:value-of select="name"/> as its subject or object.</p>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:variable name="ego" select="/briefing/diagrams/diagram[@name = concat('ego-', current()/@id)][*]"/>
        <xsl:if test="$ego">
          <figure class="diagram wide">
            <div class="diagram-frame">
              <xsl:copy-of select="$ego/*"/>
            </div>
            <figcaption>
              <span class="fig-label">Figure.</span>
              <xsl:text> </xsl:text>
              <xsl:value-of select="name"/>
              <xsl:text> and the actors it acted on or was acted on by (subject → object); the table below lists the same edges.</xsl:text>
            </figcaption>
          </figure>
        </xsl:if>
        <xsl:if test="$edges">
          <xsl:call-template name="edge-table">
            <xsl:with-param name="edges" select="$edges"/>
            <xsl:with-param name="caption" select="concat('Actions between ', name, ' and other actors, one row per subject, action type and object')"/>
          </xsl:call-template>
        </xsl:if>
      </section>

      <section id="events" aria-labelledby="events-h">
        <h2 id="events-h">Events</h2>
        <xsl:choose>
          <xsl:when test="$events">
            <xsl:call-template name="event-list">
              <xsl:with-param name="events" select="$events"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <p class="empty">No annotated event names <xsl:value-of select="name"/>.</p>
          </xsl:otherwise>
        </xsl:choose>
      </section>

      <section id="mentions" aria-labelledby="mentions-h">
        <h2 id="mentions-h">Mentions</h2>
        <xsl:choose>
          <xsl:when test="mentions">
            <div class="table-wrap">
              <table class="mentions">
                <caption>Where the sources name <xsl:value-of select="name"/></caption>
                <thead>
                  <tr>
                    <th scope="col">Source</th>
                    <th scope="col" class="num">Annotated</th>
                    <th scope="col" class="num">In plain text</th>
                  </tr>
                </thead>
                <tbody>
                  <xsl:for-each select="mentions">
                    <xsl:variable name="src" select="key('source', @source)"/>
                    <tr>
                      <th scope="row">
                        <xsl:choose>
                          <xsl:when test="$src">
                            <a href="{$root}sources/{@source}.html">
                              <xsl:for-each select="$src"><xsl:call-template name="lang-attr"/></xsl:for-each>
                              <xsl:value-of select="$src/title"/>
                            </a>
                          </xsl:when>
                          <xsl:otherwise>
                            <a href="{$root}index.html#summary">The summary</a>
                          </xsl:otherwise>
                        </xsl:choose>
                      </th>
                      <td class="num"><xsl:value-of select="@annotated"/></td>
                      <td class="num"><xsl:value-of select="@plain"/></td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </div>
          </xsl:when>
          <xsl:otherwise>
            <p class="empty">No source names <xsl:value-of select="name"/>.</p>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </main>
  </xsl:template>

  <!-- The events of an actor or topic page, in time order (the model's):
       up to $full-events with their whole text; more, each with its first
       words (the whole text is a link away, on its source page and in the
       chronology), so that the page of an actor in 3,000 events stays a
       page to read and scan, not a copy of the sources. -->
  <xsl:variable name="full-events" select="50"/>

  <xsl:template name="event-list">
    <xsl:param name="events"/>
    <xsl:variable name="brief" select="count($events) &gt; $full-events"/>
    <xsl:if test="$brief">
      <p class="note">
        <xsl:value-of select="count($events)"/>
        <xsl:text> events, each with its first words; its source and the chronology have it in full.</xsl:text>
      </p>
    </xsl:if>
    <ol class="actor-events">
      <xsl:apply-templates select="$events" mode="actor-event">
        <xsl:with-param name="brief" select="$brief"/>
      </xsl:apply-templates>
    </ol>
  </xsl:template>

  <!-- The first words of a (normalized) text: at most $max characters,
       cut after a whole word, and an ellipsis when cut. -->
  <xsl:template name="first-words">
    <xsl:param name="text"/>
    <xsl:param name="max" select="160"/>
    <xsl:choose>
      <xsl:when test="string-length($text) &lt;= $max">
        <xsl:value-of select="$text"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="cut" select="substring($text, 1, $max)"/>
        <xsl:variable name="words">
          <xsl:choose>
            <xsl:when test="substring($text, $max + 1, 1) = ' '">
              <xsl:value-of select="$cut"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="all-but-last-word">
                <xsl:with-param name="text" select="$cut"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="$words != ''"><xsl:value-of select="$words"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$cut"/></xsl:otherwise>
        </xsl:choose>
        <xsl:text>…</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="all-but-last-word">
    <xsl:param name="text"/>
    <xsl:if test="contains($text, ' ')">
      <xsl:value-of select="substring-before($text, ' ')"/>
      <xsl:variable name="rest" select="substring-after($text, ' ')"/>
      <xsl:if test="contains($rest, ' ')"><xsl:text> </xsl:text></xsl:if>
      <xsl:call-template name="all-but-last-word">
        <xsl:with-param name="text" select="$rest"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- One event, with where to read it. -->
  <xsl:template match="event" mode="actor-event">
    <xsl:param name="brief" select="false()"/>
    <xsl:variable name="src" select="key('source', @source)"/>
    <li class="actor-event">
      <p class="when">
        <xsl:choose>
          <xsl:when test="time">
            <time title="{time/@rule}">
              <xsl:variable name="date">
                <xsl:call-template name="html-date">
                  <xsl:with-param name="value" select="time/@value"/>
                  <xsl:with-param name="precision" select="time/@precision"/>
                </xsl:call-template>
              </xsl:variable>
              <xsl:if test="$date != ''">
                <xsl:attribute name="datetime"><xsl:value-of select="$date"/></xsl:attribute>
              </xsl:if>
              <xsl:value-of select="time/@display"/>
            </time>
          </xsl:when>
          <xsl:otherwise>Date not stated</xsl:otherwise>
        </xsl:choose>
      </p>
      <p class="event-text">
        <xsl:for-each select="$src"><xsl:call-template name="lang-attr"/></xsl:for-each>
        <xsl:choose>
          <xsl:when test="$brief">
            <xsl:call-template name="first-words">
              <xsl:with-param name="text" select="normalize-space(text)"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="text/node()" mode="body"/>
          </xsl:otherwise>
        </xsl:choose>
      </p>
      <p class="cite">
        <xsl:choose>
          <xsl:when test="$src">
            <a href="{$root}sources/{@source}.html#{@id}"><xsl:value-of select="$src/title"/></a>
          </xsl:when>
          <xsl:otherwise>
            <a href="{$root}index.html#{@id}">The summary</a>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:text>, line </xsl:text>
        <xsl:value-of select="@line"/>
        <xsl:text> · </xsl:text>
        <a><xsl:attribute name="href"><xsl:apply-templates select="." mode="timeline-href"/></xsl:attribute>in the chronology</a>
      </p>
    </li>
  </xsl:template>

</xsl:stylesheet>
