// What the follower records of an activity its inbox accepted, read through Fedify's vocabulary objects (so that
// what the tests check is what a Fedify application sees, after JSON-LD processing).

/** A URL or a Link as its href; null when absent. */
function href(value) {
  if (value == null) return null;
  if (value instanceof URL) return value.href;
  return value.href?.href ?? null;
}

function text(value) {
  return value == null ? null : value.toString();
}

function typeName(object) {
  if (object == null) return null;
  return object.constructor?.name ?? null;
}

async function attachments(object, options) {
  const list = [];
  if (typeof object?.getAttachments !== "function") return list;
  for await (const attachment of object.getAttachments(options)) {
    list.push({
      type: typeName(attachment),
      url: href(attachment.url),
      mediaType: attachment.mediaType ?? null,
      width: attachment.width ?? null,
      height: attachment.height ?? null,
      name: text(attachment.name),
    });
  }
  return list;
}

/** The object of an activity, embedded or fetched by Fedify; null (with the reason) when it cannot be read. */
async function objectOf(activity, options) {
  try {
    return { object: await activity.getObject(options), problem: null };
  } catch (error) {
    return { object: null, problem: String(error?.message ?? error) };
  }
}

/** The record of one accepted activity: its own fields and its object's, as Fedify parsed them. */
export async function describe(activity, ctx) {
  const options = { documentLoader: ctx.documentLoader, contextLoader: ctx.contextLoader };
  const { object, problem } = await objectOf(activity, options);
  return {
    type: typeName(activity),
    id: activity.id?.href ?? null,
    actor: activity.actorId?.href ?? null,
    to: activity.toIds.map((u) => u.href),
    cc: activity.ccIds.map((u) => u.href),
    objectId: activity.objectId?.href ?? object?.id?.href ?? null,
    objectType: typeName(object),
    objectProblem: problem,
    content: text(object?.content),
    url: href(object?.url),
    published: object?.published?.toString() ?? null,
    updated: object?.updated?.toString() ?? null,
    attributedTo: object?.attributionId?.href ?? null,
    objectTo: object?.toIds?.map((u) => u.href) ?? [],
    objectCc: object?.ccIds?.map((u) => u.href) ?? [],
    summary: text(object?.summary),
    attachments: await attachments(object, options),
  };
}
