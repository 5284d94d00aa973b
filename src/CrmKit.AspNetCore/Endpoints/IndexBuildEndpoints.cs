using System.Text.Json;
using CrmKit.AspNetCore.Http;
using CrmKit.AspNetCore.Json;
using CrmKit.Core.Security;
using CrmKit.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary>
/// <c>GET /api/metadata/index-builds</c>: the field indexes the store builds in the background (PostgreSQL's
/// <c>CREATE INDEX CONCURRENTLY</c>) with their state and progress; an empty list for a store that builds every index in
/// the metadata change (SQLite).
/// </summary>
internal static class IndexBuildEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/metadata/index-builds", (Func<HttpContext, Task<IResult>>)ListAsync);

    private static async Task<IResult> ListAsync(HttpContext context)
    {
        _ = await ApiRequest.DemandAsync(context, CrmPrivileges.MetadataManage);
        var builds = context.RequestServices.GetService<ICrmStore>() is IStoreIndexBuilds source
            ? await source.GetIndexBuildsAsync(context.RequestAborted)
            : [];
        return new JsonWriterResult(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("items");
            foreach (var build in builds)
            {
                Write(w, build);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void Write(Utf8JsonWriter w, StoreIndexBuild build)
    {
        w.WriteStartObject();
        w.WriteString("entity", build.Entity);
        w.WriteString("field", build.Field);
        w.WriteString("index", build.Index);
        w.WriteString("state", build.State);
        w.WriteString("requestedAt", CanonicalInstant.ToText(build.RequestedAt));
        w.WriteString("startedAt", build.StartedAt is { } started ? CanonicalInstant.ToText(started) : null);
        w.WriteString("finishedAt", build.FinishedAt is { } finished ? CanonicalInstant.ToText(finished) : null);
        w.WriteString("phase", build.Phase);
        WriteCount(w, "done", build.Done);
        WriteCount(w, "total", build.Total);
        w.WriteString("error", build.Error);
        w.WriteEndObject();
    }

    private static void WriteCount(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
