package io.broadsheet.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.MediaGroup;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.module.Extendable;
import com.rometools.rome.feed.rss.Channel;
import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.Installation;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A picture with copyright, license and renditions beside a plain one, stored over the API and read back from
 * every served format, the API, the article page and an export imported elsewhere.
 */
@MicronautTest(transactional = false)
class ImageRenditionsTest extends HttpTest {

    private static final Namespace MEDIA = Namespace.getNamespace(MediaModule.URI);
    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    private static final String ORIGINAL = "https://media.example.com/r1-img1.jpg";
    private static final String COPYRIGHT = "r1-img1-copyright \u00a9 & <AFP>";
    private static final String LICENSE = "https://licenses.example.com/r1-img1";
    private static final int[][] SIZES = {{320, 213}, {640, 427}, {1024, 683}, {2048, 1365}};

    private long r1;

    @BeforeAll
    void publish() {
        Http.Answer created = http.post("/api/articles", Fixtures.json(Fixtures.with(
                Fixtures.article("r1", "2022-03-17T09:00:00Z", "pictures"),
                "images", List.of(pictureWithRenditions(), Fixtures.image("r1", 2)))));
        assertEquals(201, created.status(), created.body());
        r1 = FeedParsers.jsonTree(created.body()).get("id").getLongValue();
    }

    /** The first image of r1: 3000 px wide, with four smaller renditions, the last a WebP of unknown height. */
    static Map<String, Object> pictureWithRenditions() {
        Map<String, Object> image = new LinkedHashMap<>(Fixtures.image("r1", 1));
        image.put("width", 3000);
        image.put("height", 2000);
        image.put("copyright", COPYRIGHT);
        image.put("license", LICENSE);
        List<Map<String, Object>> renditions = new ArrayList<>();
        for (int[] size : SIZES) {
            Map<String, Object> rendition = new LinkedHashMap<>();
            rendition.put("url", rendition(size[0]));
            rendition.put("width", size[0]);
            rendition.put("height", size[1]);
            rendition.put("mimeType", "image/jpeg");
            renditions.add(rendition);
        }
        image.put("renditions", renditions);
        return image;
    }

    static String rendition(int width) {
        return "https://media.example.com/r1-img1-" + width + ".jpg";
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, names = {"RSS", "ATOM"})
    void pictureWithRenditionsIsAMediaGroupWithTheOriginalAsDefaultThenThePlainPicture(FeedFormat format) {
        List<Element> media = item(format).getChildren().stream()
                .filter(e -> e.getNamespace().equals(MEDIA) && List.of("group", "content").contains(e.getName())).toList();
        assertEquals(List.of("group", "content"), media.stream().map(Element::getName).toList(), format + ": article order");
        List<Element> contents = media.get(0).getChildren("content", MEDIA);
        List<String> urls = new ArrayList<>(List.of(ORIGINAL));
        for (int[] size : SIZES) {
            urls.add(rendition(size[0]));
        }
        assertEquals(urls, contents.stream().map(c -> c.getAttributeValue("url")).toList(), format + ": the original first");
        assertEquals("true", contents.get(0).getAttributeValue("isDefault"));
        assertEquals("3000", contents.get(0).getAttributeValue("width"));
        assertEquals("100001", contents.get(0).getAttributeValue("fileSize"));
        for (int i = 1; i < contents.size(); i++) {
            Element content = contents.get(i);
            assertNull(content.getAttributeValue("isDefault"), format + ": only the original is the default");
            assertEquals(String.valueOf(SIZES[i - 1][0]), content.getAttributeValue("width"));
            assertEquals(String.valueOf(SIZES[i - 1][1]), content.getAttributeValue("height"));
            assertEquals("image/jpeg", content.getAttributeValue("type"));
            assertEquals("image", content.getAttributeValue("medium"));
        }
        for (Element content : contents) {
            String at = format + ": " + content.getAttributeValue("url");
            assertEquals("r1-img1-caption", content.getChildText("description", MEDIA), at);
            assertEquals("plain", content.getChild("description", MEDIA).getAttributeValue("type"), at);
            Element credit = content.getChild("credit", MEDIA);
            assertEquals("r1-img1-credit", credit.getText(), at);
            assertEquals("photographer", credit.getAttributeValue("role"), at);
            assertEquals("urn:ebu", credit.getAttributeValue("scheme"), at);
            assertEquals(COPYRIGHT, content.getChildText("copyright", MEDIA), at);
            // the license is the copyright's terms of use; media:license only with defaults.media-rss-1-5
            assertEquals(LICENSE, content.getChild("copyright", MEDIA).getAttributeValue("url"), at);
            assertNull(content.getChild("license", MEDIA), at);
        }
        Element plain = media.get(1);
        assertEquals("https://media.example.com/r1-img2.jpg", plain.getAttributeValue("url"));
        assertNull(plain.getAttributeValue("isDefault"));
        assertNull(plain.getChild("copyright", MEDIA), format + ": no copyright on a picture without one");
        assertNull(plain.getChild("license", MEDIA), format + ": no license on a picture without one");
        assertEquals("r1-img2-caption", plain.getChildText("description", MEDIA));
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, names = {"RSS", "ATOM"})
    void romeReadsTheGroupBackWithEveryRenditionsRights(FeedFormat format) {
        Object wire = FeedParsers.wire(served(format));
        Extendable entry = wire instanceof Channel channel ? channel.getItems().get(0)
                : ((com.rometools.rome.feed.atom.Feed) wire).getEntries().get(0);
        MediaEntryModule module = (MediaEntryModule) entry.getModule(MediaModule.URI);
        assertEquals(1, module.getMediaGroups().length, format + ": one group");
        MediaGroup group = module.getMediaGroups()[0];
        assertEquals(5, group.getContents().length);
        assertTrue(group.getContents()[0].isDefaultContent(), format + ": the original is the default");
        for (MediaContent content : group.getContents()) {
            assertEquals(COPYRIGHT, content.getMetadata().getCopyright());
            assertEquals(LICENSE, content.getMetadata().getCopyrightUrl().toString());
            assertEquals("r1-img1-credit", content.getMetadata().getCredits()[0].getName());
        }
        assertEquals(List.of("https://media.example.com/r1-img2.jpg"), List.of(module.getMediaContents()).stream()
                .map(c -> ((UrlReference) c.getReference()).getUrl().toString()).toList());
        assertEquals(rendition(640), module.getMetadata().getThumbnail()[0].getUrl().toString());
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, names = {"RSS", "ATOM"})
    void itemThumbnailIsTheSmallestSizeAtLeast400PxWide(FeedFormat format) {
        Element thumbnail = item(format).getChild("thumbnail", MEDIA);
        assertEquals(rendition(640), thumbnail.getAttributeValue("url"), format.name());
        assertEquals("640", thumbnail.getAttributeValue("width"));
        assertEquals("427", thumbnail.getAttributeValue("height"));
        assertEquals("r1-img1-caption", item(format).getChildText("description", MEDIA), "the lead's caption at item level");
    }

    @Test
    void rssEnclosureStaysTheLeadOriginal() {
        List<Element> enclosures = item(FeedFormat.RSS).getChildren("enclosure");
        assertEquals(1, enclosures.size());
        assertEquals(ORIGINAL, enclosures.get(0).getAttributeValue("url"));
        assertEquals("100001", enclosures.get(0).getAttributeValue("length"));
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void figureOfThePictureWithRenditionsHasSrcsetAndThePlainOneIsAsBefore(FeedFormat format) {
        String html = FeedParsers.parse(format, served(format)).item(itemId()).contentHtml();
        String expected = "<figure><img src=\"" + ORIGINAL + "\" alt=\"r1-img1-alt\" width=\"3000\" height=\"2000\""
                + " srcset=\"" + ORIGINAL + " 3000w, " + rendition(320) + " 320w, " + rendition(640) + " 640w, "
                + rendition(1024) + " 1024w, " + rendition(2048) + " 2048w\" sizes=\"100vw\">"
                + "<figcaption>r1-img1-caption \u2014 r1-img1-credit</figcaption></figure>"
                + "<figure><img src=\"https://media.example.com/r1-img2.jpg\" alt=\"r1-img2-alt\" width=\"1200\" height=\"800\">"
                + "<figcaption>r1-img2-caption \u2014 r1-img2-credit</figcaption></figure>"
                + "<p>r1-body</p>";
        assertEquals(expected, html, format + ": content of r1");
    }

    @Test
    void jsonImageIsTheSizeClosestTo1200PxAndMediaCarriesRightsAndEveryRendition() {
        JsonNode item = FeedParsers.jsonTree(served(FeedFormat.JSON)).get("items").get(0);
        assertEquals(rendition(1024), item.get("image").getStringValue());
        JsonNode picture = item.get("_media").get("images").get(0);
        assertEquals(ORIGINAL, picture.get("url").getStringValue());
        assertEquals(COPYRIGHT, picture.get("copyright").getStringValue());
        assertEquals(LICENSE, picture.get("license").getStringValue());
        List<String> renditions = new ArrayList<>();
        picture.get("renditions").values().forEach(r -> renditions.add(Fixtures.json(r)));
        List<String> expected = new ArrayList<>();
        for (int[] size : SIZES) {
            expected.add(Fixtures.json(orderedRendition(size)));
        }
        assertEquals(expected, renditions);
        JsonNode plain = item.get("_media").get("images").get(1);
        List<String> members = new ArrayList<>();
        plain.entries().forEach(e -> members.add(e.getKey()));
        assertEquals(List.of("url", "caption", "credit", "alt", "width", "height"), members,
                "a picture without rights or renditions is written as before");
        List<String> attachments = new ArrayList<>();
        item.get("attachments").values().forEach(a -> attachments.add(a.get("url").getStringValue()));
        assertEquals(List.of(ORIGINAL, "https://media.example.com/r1-img2.jpg"), attachments, "attachments: the originals");
    }

    @Test
    void jsonFeedWithRightsAndRenditionsPassesTheJsonFeedSchema() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/schema/jsonfeed-1.1.schema.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            Set<ValidationMessage> problems = schema.validate(new ObjectMapper().readTree(served(FeedFormat.JSON)));
            assertEquals(Set.of(), problems);
        }
    }

    @Test
    void apiShowsTheRightsAndRenditionsAsSent() {
        JsonNode images = FeedParsers.jsonTree(http.getAsAdmin("/api/articles/r1").body()).get("images");
        assertEquals(Fixtures.json(pictureWithRenditions()), Fixtures.json(images.get(0)));
        assertEquals(Fixtures.json(Fixtures.image("r1", 2)), Fixtures.json(images.get(1)), "no empty renditions member");
    }

    @Test
    void articlePageGivesThePictureItsSrcset() {
        org.jsoup.nodes.Element img = Jsoup.parse(http.get("/articles/r1").body()).select("figure img").first();
        assertEquals(ORIGINAL + " 3000w, " + rendition(320) + " 320w, " + rendition(640) + " 640w, "
                + rendition(1024) + " 1024w, " + rendition(2048) + " 2048w", img.attr("srcset"));
        assertEquals("", Jsoup.parse(http.get("/articles/r1").body()).select("figure img").get(1).attr("srcset"));
    }

    @Test
    void anExportImportedWithPreserveIdsOrAgainByItsSlugKeepsRightsAndRenditions() {
        String before = http.getAsAdmin("/api/articles/r1").body();
        String export = http.getAsAdmin("/api/articles/export").body();
        try (Installation target = Installation.fresh("ImageRenditionsTest-target")) {
            Http.Answer imported = target.importKeepingIds(export);
            assertEquals(200, imported.status(), imported.body());
            assertEquals(0, FeedParsers.jsonTree(imported.body()).get("rejectedCount").getIntValue(), imported.body());
            assertEquals(before, target.http().getAsAdmin("/api/articles/r1").body());
        }
        JsonNode again = FeedParsers.jsonTree(http.importLines(export).body());
        assertEquals(0, again.get("rejectedCount").getIntValue(), again.toString());
        assertEquals(FeedParsers.jsonTree(before).get("images"),
                FeedParsers.jsonTree(http.getAsAdmin("/api/articles/r1").body()).get("images"));
    }

    @Test
    void aBadRenditionInAnImportRejectsOnlyItsLineNamingTheField() {
        Map<String, Object> bad = new LinkedHashMap<>(pictureWithRenditions());
        List<Object> renditions = new ArrayList<>((List<?>) bad.get("renditions"));
        renditions.set(2, Map.of("url", "https://media.example.com/r2-1024.jpg", "width", 1024, "mimeType", "video/mp4"));
        bad.put("renditions", renditions);
        String ndjson = Fixtures.json(Fixtures.with(Fixtures.article("r2", "2022-03-17T10:00:00Z", "picture-imports"),
                "images", List.of(bad))) + "\n" + Fixtures.json(Fixtures.with(Fixtures.article("r3",
                "2022-03-17T11:00:00Z", "picture-imports"), "images", List.of(pictureWithRenditions()))) + "\n";
        JsonNode result = FeedParsers.jsonTree(http.importLines(ndjson).body());
        assertEquals(1, result.get("created").getIntValue(), result.toString());
        JsonNode rejected = result.get("rejected").get(0);
        assertEquals(1, rejected.get("line").getIntValue());
        assertEquals("images[0].renditions[2].mimeType", rejected.get("errors").get(0).get("field").getStringValue());
        assertEquals(404, http.getAsAdmin("/api/articles/r2").status(), "nothing of the rejected line is stored");
        assertEquals(Fixtures.json(pictureWithRenditions()), Fixtures.json(FeedParsers.jsonTree(
                http.getAsAdmin("/api/articles/r3").body()).get("images").get(0)));
    }

    private static Map<String, Object> orderedRendition(int[] size) {
        Map<String, Object> rendition = new LinkedHashMap<>();
        rendition.put("url", rendition(size[0]));
        rendition.put("width", size[0]);
        rendition.put("height", size[1]);
        rendition.put("mime_type", "image/jpeg");
        return rendition;
    }

    private Element item(FeedFormat format) {
        try {
            Document doc = new SAXBuilder().build(new StringReader(served(format)));
            Element root = doc.getRootElement();
            return format == FeedFormat.RSS ? root.getChild("channel").getChild("item") : root.getChild("entry", ATOM);
        } catch (Exception e) {
            throw new AssertionError(format + " is not XML: " + e.getMessage(), e);
        }
    }

    private String served(FeedFormat format) {
        Http.Answer answer = http.get("/feeds/pictures." + format.extension());
        assertEquals(200, answer.status(), answer.body());
        return answer.body();
    }

    private String itemId() {
        return "tag:news.example.com,2022:article:" + r1;
    }
}
