package io.broadsheet.api;

import io.broadsheet.web.ApiDocs;
import io.broadsheet.web.Problem;
import io.broadsheet.input.InvalidInputException;
import io.broadsheet.input.JsonFields;
import io.broadsheet.storage.PartnerKey;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Partner keys (admin only, like all of /api): create (the key is shown once), list with usage, revoke. */
@ApiDocs.Admin
@Tag(name = "Partner keys")
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
    @Schema(name = "PartnerKey")
    public record PartnerView(long id, String name, List<String> feeds, String key, String keyPrefix,
                              Instant createdAt, Instant revokedAt, Instant lastUsedAt, long requestCount) {

        static PartnerView of(PartnerKey k, String secret, Instant lastUsedAt, long requestCount) {
            return new PartnerView(k.id(), k.name(), k.feedList(), secret, k.keyPrefix(), k.createdAt(), k.revokedAt(),
                    lastUsedAt, requestCount);
        }
    }

    @Operation(operationId = "createPartnerKey", summary = "Create a partner key",
            description = "The answer's `key` is the secret, shown this once: only a digest is stored.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiDocs.PartnerKeyInput.class)))
    @ApiResponse(responseCode = "201", description = "Created: the key, with `key`.", useReturnTypeSchema = true,
            headers = @Header(name = "Location", description = "`/api/partners/{id}`", schema = @Schema(type = "string")))
    @ApiDocs.JsonBody
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

    @Operation(operationId = "listPartnerKeys", summary = "List the partner keys",
            description = "Every key, revoked ones included, with its use; never the secret.")
    @ApiResponse(responseCode = "200", description = "Every key.", useReturnTypeSchema = true)
    @Get
    public List<PartnerView> list() {
        return keys.list().stream().map(l -> PartnerView.of(l.key(), null, l.lastUsedAt(), l.requestCount())).toList();
    }

    @Operation(operationId = "revokePartnerKey", summary = "Revoke a partner key",
            description = "At once: the next request with the key is refused.")
    @ApiResponse(responseCode = "204", description = "Revoked.")
    @ApiResponse(responseCode = "400", description = "The id is not a whole number.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.NotFound
    @Delete("/{id}")
    public HttpResponse<?> revoke(long id) {
        if (!keys.revoke(id)) {
            return Problem.of(HttpStatus.NOT_FOUND, "No active partner key has the id " + id + ".").toResponse();
        }
        return HttpResponse.noContent();
    }
}
