<?xml version="1.0" encoding="UTF-8"?>
<!--
  Broadsheet's feeds as a page, for a person who opens a feed's URL in a browser: what a feed is, the address
  to give a feed reader, then the items with their pictures, captions and credits. RSS 2.0 and Atom 1.0 alike.
  XSLT 1.0, the only version browsers run. Every text of the feed is written as text, never as markup: RSS
  descriptions are HTML-escaped text (see RssFeedRenderer) and are unescaped here, entity by entity.
  Served at /feeds/feed.xsl (BrowserView); the feeds name it in <?xml-stylesheet?>.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:atom="http://www.w3.org/2005/Atom"
                xmlns:media="http://search.yahoo.com/mrss/"
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:dcterms="http://purl.org/dc/terms/"
                xmlns:at="http://purl.org/atompub/tombstones/1.0"
                exclude-result-prefixes="atom media dc dcterms at">

  <xsl:output method="html" doctype-system="about:legacy-compat" encoding="UTF-8" indent="no"/>

  <xsl:variable name="months" select="'JanFebMarAprMayJunJulAugSepOctNovDec'"/>

  <xsl:template match="/">
    <xsl:apply-templates select="rss/channel | atom:feed"/>
  </xsl:template>

  <xsl:template match="channel">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="title"/>
      <xsl:with-param name="description" select="description"/>
      <xsl:with-param name="language" select="language"/>
      <xsl:with-param name="site" select="link"/>
      <xsl:with-param name="links" select="atom:link"/>
      <xsl:with-param name="extension" select="'.rss'"/>
      <xsl:with-param name="items" select="item"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="atom:feed">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="atom:title"/>
      <xsl:with-param name="description" select="atom:subtitle"/>
      <xsl:with-param name="language" select="@xml:lang"/>
      <xsl:with-param name="site" select="atom:link[@rel = 'alternate']/@href"/>
      <xsl:with-param name="links" select="atom:link"/>
      <xsl:with-param name="extension" select="'.atom'"/>
      <xsl:with-param name="items" select="at:deleted-entry | atom:entry"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="page">
    <xsl:param name="title"/>
    <xsl:param name="description"/>
    <xsl:param name="language"/>
    <xsl:param name="site"/>
    <xsl:param name="links"/>
    <xsl:param name="extension"/>
    <xsl:param name="items"/>
    <xsl:variable name="self" select="string($links[@rel = 'self']/@href)"/>
    <!-- the address to subscribe to is the first page's, also when this is a later page -->
    <xsl:variable name="feed">
      <xsl:choose>
        <xsl:when test="$links[@rel = 'first']"><xsl:value-of select="$links[@rel = 'first']/@href"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$self"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="stem" select="substring($feed, 1, string-length($feed) - string-length($extension))"/>
    <html>
      <xsl:if test="string($language)">
        <xsl:attribute name="lang"><xsl:value-of select="$language"/></xsl:attribute>
      </xsl:if>
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> (feed)</title>
        <link rel="stylesheet" href="/assets/broadsheet.css"/>
        <link rel="stylesheet" href="/assets/feed-view.css"/>
        <script src="/assets/feed-view.js" defer="defer"></script>
      </head>
      <body class="feed-view">
        <header class="feed-view-header">
          <p class="feed-view-kicker">Feed</p>
          <h1><xsl:value-of select="$title"/></h1>
          <xsl:if test="string($description)">
            <p><xsl:value-of select="$description"/></p>
          </xsl:if>
        </header>
        <main>
          <section class="feed-view-subscribe" aria-labelledby="feed-view-about">
            <h2 id="feed-view-about">This is a feed</h2>
            <p>A feed reader (also called a news reader or RSS reader) checks this page for you and shows each
              new article as it is published: no account, no email, and you can stop at any time. To follow it,
              copy the address below and add it to your feed reader.</p>
            <p class="feed-view-address">
              <label for="feed-view-url">Feed address</label>
              <input id="feed-view-url" class="feed-view-url" type="url" readonly="readonly" value="{$feed}"/>
              <button type="button" class="feed-view-copy" data-copy="feed-view-url" data-status="feed-view-copied"
                      hidden="hidden">Copy</button>
              <span id="feed-view-copied" class="feed-view-copied" role="status"></span>
            </p>
            <xsl:if test="substring($feed, string-length($feed) - string-length($extension) + 1) = $extension">
              <p class="feed-view-formats">
                <xsl:text>The same feed as </xsl:text>
                <a href="{$stem}.rss" type="application/rss+xml">RSS</a>
                <xsl:text>, </xsl:text>
                <a href="{$stem}.atom" type="application/atom+xml">Atom</a>
                <xsl:text> and </xsl:text>
                <a href="{$stem}.json" type="application/feed+json">JSON Feed</a>
                <xsl:text>: use whichever your reader prefers.</xsl:text>
              </p>
            </xsl:if>
            <xsl:if test="string($site)">
              <p><a href="{$site}">Visit the website</a></p>
            </xsl:if>
          </section>
          <section class="feed-view-items" aria-labelledby="feed-view-latest">
            <h2 id="feed-view-latest">
              <xsl:choose>
                <xsl:when test="$links[@rel = 'first'] and $self != $feed">Earlier articles</xsl:when>
                <xsl:otherwise>Latest articles</xsl:otherwise>
              </xsl:choose>
            </h2>
            <xsl:choose>
              <xsl:when test="$items">
                <ol class="feed-view-list">
                  <xsl:for-each select="$items">
                    <li><xsl:apply-templates select="."/></li>
                  </xsl:for-each>
                </ol>
              </xsl:when>
              <xsl:otherwise>
                <p>Nothing here yet: new articles will appear in this feed.</p>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:if test="$links[@rel = 'previous' or @rel = 'next']">
              <nav class="feed-view-pages" aria-label="Pages">
                <xsl:if test="$links[@rel = 'previous']">
                  <a rel="prev" href="{$links[@rel = 'previous']/@href}">Newer articles</a>
                </xsl:if>
                <xsl:text> </xsl:text>
                <xsl:if test="$links[@rel = 'next']">
                  <a rel="next" href="{$links[@rel = 'next']/@href}">Older articles</a>
                </xsl:if>
              </nav>
            </xsl:if>
          </section>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- RSS: a tombstone is the item titled Withdrawn whose usage window ended when it was withdrawn (Lifecycle) -->
  <xsl:template match="item[title = 'Withdrawn' and dcterms:modified
                       and contains(dcterms:valid, concat('end=', dcterms:modified, ';'))]">
    <article class="feed-view-item feed-view-withdrawn">
      <h3>Withdrawn</h3>
      <p>
        <xsl:call-template name="html-text">
          <xsl:with-param name="text" select="description"/>
        </xsl:call-template>
      </p>
    </article>
  </xsl:template>

  <xsl:template match="item">
    <article class="feed-view-item">
      <h3><a href="{link}"><xsl:value-of select="title"/></a></h3>
      <xsl:call-template name="byline">
        <xsl:with-param name="published">
          <xsl:call-template name="rfc822-to-iso"><xsl:with-param name="date" select="pubDate"/></xsl:call-template>
        </xsl:with-param>
        <xsl:with-param name="updated" select="dcterms:modified"/>
        <xsl:with-param name="authors" select="dc:creator"/>
      </xsl:call-template>
      <p class="feed-view-summary">
        <xsl:call-template name="html-text">
          <xsl:with-param name="text" select="description"/>
        </xsl:call-template>
      </p>
      <xsl:call-template name="pictures"/>
    </article>
  </xsl:template>

  <!-- Atom: RFC 6721 tombstones -->
  <xsl:template match="at:deleted-entry">
    <article class="feed-view-item feed-view-withdrawn">
      <h3>Withdrawn</h3>
      <p>
        <xsl:text>This article was withdrawn on </xsl:text>
        <xsl:call-template name="time"><xsl:with-param name="iso" select="@when"/></xsl:call-template>
        <xsl:if test="string(at:comment)">
          <xsl:text>: </xsl:text>
          <xsl:value-of select="at:comment"/>
        </xsl:if>
        <xsl:text>.</xsl:text>
      </p>
    </article>
  </xsl:template>

  <xsl:template match="atom:entry">
    <article class="feed-view-item">
      <h3>
        <a href="{atom:link[@rel = 'alternate' or not(@rel)][1]/@href}"><xsl:value-of select="atom:title"/></a>
      </h3>
      <xsl:call-template name="byline">
        <xsl:with-param name="published" select="atom:published"/>
        <xsl:with-param name="updated" select="atom:updated[. != ../atom:published]"/>
        <xsl:with-param name="authors" select="atom:author/atom:name"/>
      </xsl:call-template>
      <xsl:if test="string(atom:summary)">
        <p class="feed-view-summary"><xsl:value-of select="atom:summary"/></p>
      </xsl:if>
      <xsl:call-template name="pictures"/>
    </article>
  </xsl:template>

  <xsl:template name="byline">
    <xsl:param name="published"/>
    <xsl:param name="updated"/>
    <xsl:param name="authors"/>
    <p class="feed-view-meta">
      <xsl:call-template name="time"><xsl:with-param name="iso" select="$published"/></xsl:call-template>
      <xsl:if test="string($updated)">
        <xsl:text> (updated </xsl:text>
        <xsl:call-template name="time"><xsl:with-param name="iso" select="$updated"/></xsl:call-template>
        <xsl:text>)</xsl:text>
      </xsl:if>
      <xsl:for-each select="$authors">
        <xsl:choose>
          <xsl:when test="position() = 1"><xsl:text> · by </xsl:text></xsl:when>
          <xsl:otherwise><xsl:text>, </xsl:text></xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="."/>
      </xsl:for-each>
    </p>
  </xsl:template>

  <!-- Each picture in article order: a media:content, or a media:group's default size with the others as srcset;
       an item with only a thumbnail shows that, with the item-level caption and credit. -->
  <xsl:template name="pictures">
    <xsl:for-each select="media:content | media:group">
      <xsl:choose>
        <xsl:when test="self::media:group">
          <xsl:variable name="default" select="media:content[@isDefault = 'true'] | media:content[1][not(../media:content[@isDefault = 'true'])]"/>
          <xsl:call-template name="figure">
            <xsl:with-param name="picture" select="$default"/>
            <xsl:with-param name="sizes" select="media:content[@width]"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="figure">
            <xsl:with-param name="picture" select="."/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:if test="not(media:content | media:group) and media:thumbnail">
      <xsl:call-template name="figure">
        <xsl:with-param name="picture" select="media:thumbnail[1]"/>
        <xsl:with-param name="caption" select="media:description"/>
        <xsl:with-param name="credit" select="media:credit"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="figure">
    <xsl:param name="picture"/>
    <xsl:param name="sizes" select="/.."/>
    <xsl:param name="caption" select="$picture/media:description"/>
    <xsl:param name="credit" select="$picture/media:credit"/>
    <figure class="feed-view-picture">
      <img src="{$picture/@url}" loading="lazy">
        <xsl:if test="count($sizes) &gt; 1">
          <xsl:attribute name="srcset">
            <xsl:for-each select="$sizes">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <xsl:value-of select="concat(@url, ' ', @width, 'w')"/>
            </xsl:for-each>
          </xsl:attribute>
          <xsl:attribute name="sizes">(min-width: 48rem) 44rem, 100vw</xsl:attribute>
        </xsl:if>
        <xsl:if test="$picture/@width and $picture/@height">
          <xsl:attribute name="width"><xsl:value-of select="$picture/@width"/></xsl:attribute>
          <xsl:attribute name="height"><xsl:value-of select="$picture/@height"/></xsl:attribute>
        </xsl:if>
        <!-- a feed carries no alternative text of its own: the caption (media:description) describes the picture,
             as the article pages fall back to it; without one the picture goes unnamed (alt="") -->
        <xsl:attribute name="alt"><xsl:value-of select="$caption"/></xsl:attribute>
      </img>
      <xsl:if test="string($caption) or string($credit)">
        <figcaption>
          <xsl:if test="string($caption)">
            <span class="feed-view-caption"><xsl:value-of select="$caption"/></span>
          </xsl:if>
          <xsl:if test="string($caption) and string($credit)">
            <xsl:text> — </xsl:text>
          </xsl:if>
          <xsl:if test="string($credit)">
            <span class="feed-view-credit"><xsl:value-of select="$credit"/></span>
          </xsl:if>
        </figcaption>
      </xsl:if>
    </figure>
  </xsl:template>

  <!-- An RFC 3339 UTC date (seconds may have a fraction) as <time>, shown as "17 Mar 2022, 09:42 UTC"; anything
       else as it stands. -->
  <xsl:template name="time">
    <xsl:param name="iso"/>
    <xsl:variable name="date" select="normalize-space($iso)"/>
    <xsl:variable name="month" select="number(substring($date, 6, 2))"/>
    <xsl:choose>
      <xsl:when test="string-length($date) &gt;= 20 and substring($date, string-length($date)) = 'Z'
                      and substring($date, 11, 1) = 'T' and $month &gt;= 1 and $month &lt;= 12">
        <time datetime="{$date}">
          <xsl:value-of select="concat(number(substring($date, 9, 2)), ' ', substring($months, 3 * $month - 2, 3),
                                ' ', substring($date, 1, 4), ', ', substring($date, 12, 5), ' UTC')"/>
        </time>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$date"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "Thu, 17 Mar 2022 09:42:00 GMT" (RSS pubDate as ROME writes it) to 2022-03-17T09:42:00Z -->
  <xsl:template name="rfc822-to-iso">
    <xsl:param name="date"/>
    <xsl:variable name="rest" select="normalize-space(substring-after($date, ','))"/>
    <xsl:variable name="day" select="substring-before($rest, ' ')"/>
    <xsl:variable name="after-day" select="substring-after($rest, ' ')"/>
    <xsl:variable name="month-name" select="substring-before($after-day, ' ')"/>
    <xsl:variable name="after-month" select="substring-after($after-day, ' ')"/>
    <xsl:variable name="year" select="substring-before($after-month, ' ')"/>
    <xsl:variable name="after-year" select="substring-after($after-month, ' ')"/>
    <xsl:variable name="clock" select="substring-before($after-year, ' ')"/>
    <xsl:variable name="zone" select="substring-after($after-year, ' ')"/>
    <xsl:variable name="month" select="(string-length(substring-before($months, $month-name)) div 3) + 1"/>
    <xsl:choose>
      <xsl:when test="string-length($month-name) = 3 and contains($months, $month-name) and string-length($year) = 4
                      and string-length($clock) = 8 and ($zone = 'GMT' or $zone = 'UT' or $zone = 'Z' or $zone = '+0000')">
        <xsl:value-of select="concat($year, '-', format-number($month, '00'), '-', format-number($day, '00'),
                              'T', $clock, 'Z')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$date"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The text an HTML-escaped RSS description stands for: the entities RssFeedRenderer writes, decoded one by one
       (a literal "&amp;lt;" stays "&lt;"); any other stays as written. -->
  <xsl:template name="html-text">
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="contains($text, '&amp;')">
        <xsl:value-of select="substring-before($text, '&amp;')"/>
        <xsl:variable name="rest" select="substring-after($text, '&amp;')"/>
        <xsl:variable name="name" select="substring-before($rest, ';')"/>
        <xsl:choose>
          <xsl:when test="$name = 'amp'">&amp;</xsl:when>
          <xsl:when test="$name = 'lt'">&lt;</xsl:when>
          <xsl:when test="$name = 'gt'">&gt;</xsl:when>
          <xsl:when test="$name = 'quot'">"</xsl:when>
          <xsl:when test="$name = 'apos' or $name = '#39' or $name = '#x27'">'</xsl:when>
          <xsl:when test="$name = 'nbsp'">&#160;</xsl:when>
          <xsl:otherwise>&amp;</xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="html-text">
          <xsl:with-param name="text">
            <xsl:choose>
              <xsl:when test="$name = 'amp' or $name = 'lt' or $name = 'gt' or $name = 'quot' or $name = 'apos'
                              or $name = '#39' or $name = '#x27' or $name = 'nbsp'">
                <xsl:value-of select="substring-after($rest, ';')"/>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="$rest"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
