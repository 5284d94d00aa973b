using System.Net;
using System.Text.Json.Nodes;

namespace CrmKit.Cli.Api;

/// <summary>A successful answer of the server: the status, the JSON body (null for an empty body) and the ETag.</summary>
internal sealed record ApiResponse(HttpStatusCode Status, JsonNode? Body, string? ETag);
