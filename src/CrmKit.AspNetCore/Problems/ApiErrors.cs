using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Records;
using static CrmKit.AspNetCore.Resources.ApiMessages;

namespace CrmKit.AspNetCore.Problems;

/// <summary>Every failure the HTTP layer reports itself, with its stable code; the texts are in ApiMessages.resx.</summary>
internal static class ApiErrors
{
    public static ApiProblemException Unauthorized(string code, params object?[] args) => new(401, code, Text(code, args));

    public static ApiProblemException InsufficientScope(string scope)
    {
        var error = new ApiProblemException(403, "auth.insufficient_scope", Text("auth.insufficient_scope", scope));
        error.Extensions["scope"] = scope;
        return error;
    }

    public static ApiProblemException RateLimited(int retryAfterSeconds)
    {
        var error = new ApiProblemException(429, "rate_limited", Text("rate_limited", retryAfterSeconds));
        error.Extensions["retryAfter"] = retryAfterSeconds;
        return error;
    }

    public static ApiProblemException UnsupportedMediaType() =>
        new(415, "request.unsupported_media_type", Text("request.unsupported_media_type"));

    public static ApiProblemException TooLarge(long limit, Exception? inner = null)
    {
        var error = new ApiProblemException(413, "request.too_large", Text("request.too_large", limit), inner: inner);
        error.Extensions["limit"] = limit;
        return error;
    }

    public static ApiProblemException EmptyBody() => new(400, "request.malformed_json", Text("request.empty_body"));

    public static ApiProblemException InvalidUtf8() => new(400, "request.malformed_json", Text("request.invalid_utf8"));

    public static ApiProblemException MalformedJson(long? line, long? bytePosition, Exception? inner = null)
    {
        var error = new ApiProblemException(400, "request.malformed_json", Text("request.malformed_json"), inner: inner);
        if (line is not null)
        {
            // The reader counts from zero; people count lines and columns from one.
            error.Extensions["line"] = line + 1;
            error.Extensions["bytePosition"] = (bytePosition ?? 0) + 1;
        }

        return error;
    }

    public static ApiProblemException DuplicateMember(Exception? inner = null) =>
        new(400, "request.malformed_json", Text("request.duplicate_member"), inner: inner);

    public static ApiProblemException TooDeep(int maxDepth)
    {
        var error = new ApiProblemException(400, "request.too_deep", Text("request.too_deep", maxDepth));
        error.Extensions["maxDepth"] = maxDepth;
        return error;
    }

    public static ApiProblemException InvalidBody(IReadOnlyList<CrmError> errors) =>
        new(400, "request.invalid_body", Text("request.invalid_body"), errors);

    public static CrmError ExpectedObject(string pointer) => BodyError("body.object_expected", pointer);

    public static CrmError ExpectedObjectOrArray(string pointer) => BodyError("body.object_or_array_expected", pointer);

    public static CrmError EmptyBatch(string pointer) => BodyError("body.empty_array", pointer);

    public static CrmError MemberRequired(string pointer) => BodyError("body.member_required", pointer);

    public static CrmError MemberUnknown(string pointer) => BodyError("body.member_unknown", pointer);

    public static CrmError MemberMismatch(string pointer) => BodyError("body.member_mismatch", pointer);

    public static CrmError ExpectedString(string pointer) => BodyError("body.string_expected", pointer);

    public static CrmError ExpectedBoolean(string pointer) => BodyError("body.boolean_expected", pointer);

    public static CrmError InvalidConversion(string pointer) => BodyError("body.invalid_conversion", pointer);

    public static ApiProblemException InvalidIfMatch() => new(400, "request.invalid_if_match", Text("request.invalid_if_match"));

    public static ApiProblemException InvalidVersion() =>
        new(400, "request.invalid_version", Text("request.invalid_version"), [BodyError("body.invalid_version", "/version")]);

    public static ApiProblemException VersionMismatch() => new(400, "request.version_mismatch", Text("request.version_mismatch"));

    public static ApiProblemException InvalidLimit() =>
        new(400, "query.invalid_limit", Text("query.invalid_limit", RecordQuery.MaxLimit));

    public static ApiProblemException InvalidBoolean(string parameter) =>
        new(400, "query.invalid_" + parameter, Text("query.invalid_boolean", parameter));

    public static ApiProblemException InvalidSelect(string item) =>
        new(400, "query.invalid_select", Text("query.invalid_select", item));

    public static ApiProblemException DuplicateParameter(string parameter) =>
        new(400, "query.duplicate_parameter", Text("query.duplicate_parameter", parameter));

    public static ApiProblemException RecordNotFound(string entity, string id) =>
        new(404, "record.not_found", Text("record.not_found", entity, id));

    public static ApiProblemException ArchiveNotFound(string entity, string id) =>
        new(404, "metadata.archive_not_found", Text("metadata.archive_not_found", entity, id));

    public static ApiProblemException RegistryEntryNotFound(string query) =>
        new(404, "egrul.not_found", Text("egrul.not_found", query));

    public static ApiProblemException NoRegistryLookup() => new(503, "egrul.no_provider", Text("egrul.no_provider"));

    public static ApiProblemException UnknownRegistryLookup(string name) =>
        new(404, "egrul.unknown_provider", Text("egrul.unknown_provider", name));

    public static ApiProblemException InvalidBranch() => new(400, "query.invalid_branch", Text("query.invalid_branch"));

    public static ApiProblemException PluginNotFound(string id) =>
        new(404, "plugin.not_found", Text("plugin.not_found", id));

    public static ApiProblemException RouteNotFound() => new(404, "route.not_found", Text("route.not_found"));

    public static ApiProblemException MethodNotAllowed() =>
        new(405, "route.method_not_allowed", Text("route.method_not_allowed"));

    public static ApiProblemException BadRequest(int status, Exception inner) =>
        new(status, "request.bad_request", Text("request.bad_request"), inner: inner);

    public static ApiProblemException StoreUnavailable(Exception inner) =>
        new(503, "store.unavailable", Text("store.unavailable"), inner: inner);

    public static ApiProblemException ServerError(Exception? inner = null) =>
        new(500, "server.error", Text("server.error"), inner: inner);

    private static CrmError BodyError(string code, string pointer) => new(code, pointer, Text(code));
}
