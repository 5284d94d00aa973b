using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Api;

/// <summary>
/// A thin HttpClient wrapper for the CrmKit REST API: sends JSON, returns the JSON answer (or streams an answer that is
/// not JSON, such as a CSV export), and turns error answers into <see cref="ApiProblemException"/> and transport failures
/// into <see cref="ServerUnavailableException"/>.
/// </summary>
internal sealed class CrmApiClient : IDisposable
{
    private static readonly string UserAgent =
        $"crmkit-cli/{typeof(CrmApiClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0"}";

    private readonly HttpClient _http;

    /// <param name="options">The server address, language and credentials.</param>
    /// <param name="handler">A handler to send through (tests, in-memory servers); null uses the network.</param>
    public CrmApiClient(CrmApiClientOptions options, HttpMessageHandler? handler = null)
    {
        // A trailing slash keeps a path prefix of the server address (http://host/crm/) when paths are appended.
        Server = options.Server.AbsoluteUri.EndsWith('/') ? options.Server : new Uri(options.Server.AbsoluteUri + "/");
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = Server;
        _http.Timeout = options.Timeout;
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/problem+json"));
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        if (options.Language is not null)
        {
            _http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(options.Language));
        }

        if (options.ApiKey is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", options.ApiKey);
        }
    }

    /// <summary>The server address, ending with a slash.</summary>
    public Uri Server { get; }

    public async Task<JsonNode?> GetAsync(string path, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Get, path, body: null, ifMatchVersion: null, cancellationToken)).Body;

    /// <summary>Sends a request and returns the successful answer.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path relative to the server address, with its query string.</param>
    /// <param name="body">The JSON body, or null to send none.</param>
    /// <param name="ifMatchVersion">A record version to send as <c>If-Match: "N"</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ApiProblemException">The server answered with an error status.</exception>
    /// <exception cref="ServerUnavailableException">The server cannot be reached or answered something unusable.</exception>
    public async Task<ApiResponse> SendAsync(
        HttpMethod method, string path, JsonNode? body, long? ifMatchVersion, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(JsonText.ToCompact(body), Encoding.UTF8, "application/json");
        }

        if (ifMatchVersion is { } version)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        }

        using var response = await SendCoreAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ServerUnavailableException(CliMessages.ConnectionBroke(Server, Reason(ex)), ex);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new ApiProblemException(ApiProblem.FromResponse(response.StatusCode, response.ReasonPhrase, text));
        }

        JsonNode? json = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            try
            {
                json = JsonNode.Parse(text);
            }
            catch (JsonException ex)
            {
                throw new ServerUnavailableException(CliMessages.AnswerNotJson(Server, method, path), ex);
            }
        }

        return new ApiResponse(response.StatusCode, json, response.Headers.ETag?.Tag);
    }

    /// <summary>
    /// Sends a GET whose successful answer is not JSON (a CSV export) and hands its body to <paramref name="writeChunk"/>
    /// piece by piece as it arrives, so that a large answer is never held in memory. An error status still becomes an
    /// <see cref="ApiProblemException"/>, before any byte of the body is handed on.
    /// </summary>
    /// <param name="path">The path relative to the server address, with its query string.</param>
    /// <param name="mediaType">The media type asked for (<c>Accept</c>); problem documents are accepted as well.</param>
    /// <param name="writeChunk">Receives the body, in order; its own failures (a full disk) are not wrapped.</param>
    /// <param name="cancellationToken">Cancels the request and the download.</param>
    /// <returns>The number of bytes received.</returns>
    /// <exception cref="ApiProblemException">The server answered with an error status.</exception>
    /// <exception cref="ServerUnavailableException">The server cannot be reached or the answer broke off.</exception>
    public async Task<long> DownloadAsync(
        string path, string mediaType, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> writeChunk,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        // A request's own Accept replaces the client's default one (JSON) instead of adding to it.
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/problem+json"));
        // Headers only: the body is read below in pieces instead of being buffered whole.
        using var response = await SendCoreAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            string text;
            try
            {
                text = await response.Content.ReadAsStringAsync(cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                throw new ServerUnavailableException(CliMessages.ConnectionBroke(Server, Reason(ex)), ex);
            }

            throw new ApiProblemException(ApiProblem.FromResponse(response.StatusCode, response.ReasonPhrase, text));
        }

        var buffer = new byte[81920];
        long total = 0;
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        while (true)
        {
            int read;
            try
            {
                read = await body.ReadAsync(buffer, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                // The server broke the answer off (it failed while streaming): what arrived is incomplete.
                var reason = ex is HttpRequestException http ? Reason(http) : ex.Message;
                throw new ServerUnavailableException(CliMessages.ConnectionBroke(Server, reason), ex);
            }

            if (read == 0)
            {
                return total;
            }

            total += read;
            await writeChunk(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendCoreAsync(
        HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, completion, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ServerUnavailableException(CliMessages.CannotReachServer(Server, Reason(ex)), ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServerUnavailableException(CliMessages.ServerTimedOut(Server, _http.Timeout.TotalSeconds), ex);
        }
    }

    // The innermost message is the useful one ("Connection refused"), the outer ones repeat the address.
    private static string Reason(HttpRequestException ex)
    {
        Exception inner = ex;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner switch
        {
            SocketException socket => socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => CliMessages.ReasonConnectionRefused,
                SocketError.HostNotFound or SocketError.NoData => CliMessages.ReasonHostNotFound,
                SocketError.TimedOut => CliMessages.ReasonConnectionTimedOut,
                _ => socket.Message,
            },
            _ => inner.Message,
        };
    }
}
