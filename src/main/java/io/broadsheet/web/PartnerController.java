package io.broadsheet.web;

import io.broadsheet.input.InvalidInputException;
import io.broadsheet.input.JsonFields;
import io.broadsheet.partner.PartnerKey;
import io.broadsheet.partner.PartnerKeys;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Partner keys (admin only, like all of /api): create (the key is shown once), list with usage, revoke. */
@Controller("/api/partners")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PartnerController {

    private final PartnerKeys keys;
    private final RequestJson json;

    PartnerController(PartnerKeys keys, RequestJson json) {
        this.keys = keys;
        this.json = json;
    }

    /** A key as the API shows it; {@code key} only in the answer that created it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartnerView(long id, String name, List<String> feeds, String key, String keyPrefix,
                              Instant createdAt, Instant revokedAt, Instant lastUsedAt, long requestCount) {

        static PartnerView of(PartnerKey k, String secret, Instant lastUsedAt, long requestCount) {
            return new PartnerView(k.id(), k.name(), k.feedList(), secret, k.keyPrefix(), k.createdAt(), k.revokedAt(),
                    lastUsedAt, requestCount);
        }
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<PartnerView> create(@Body byte[] body) {
        JsonNode node = json.readObject(body, "{\"name\": ..., \"feeds\": [...]}");
        JsonFields f = new JsonFields();
        f.rejectUnknown(node, "", Set.of("name", "feeds"), Set.of());
        String name = f.text(node, "name", "name", 200, true);
        List<String> feeds = new ArrayList<>();
        List<JsonNode> nodes = f.array(node, "feeds", "feeds", 100);
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).isString()) {
                feeds.add(nodes.get(i).getStringValue());
            } else {
                f.error("feeds[" + i + "]", "must be a feed name");
            }
        }
        if (feeds.isEmpty() && f.errors().isEmpty()) {
            f.error("feeds", "must name at least one partner feed");
        }
        if (!f.errors().isEmpty()) {
            throw new InvalidInputException(f.errors());
        }
        PartnerKeys.Created created = keys.create(name.strip(), feeds);
        return HttpResponse.created(PartnerView.of(created.key(), created.secret(), null, 0),
                URI.create("/api/partners/" + created.key().id()));
    }

    @Get
    public List<PartnerView> list() {
        return keys.list().stream().map(l -> PartnerView.of(l.key(), null, l.lastUsedAt(), l.requestCount())).toList();
    }

    @Delete("/{id}")
    public HttpResponse<?> revoke(long id) {
        if (!keys.revoke(id)) {
            return Problem.of(HttpStatus.NOT_FOUND, "No active partner key has the id " + id + ".").toResponse();
        }
        return HttpResponse.noContent();
    }
}
