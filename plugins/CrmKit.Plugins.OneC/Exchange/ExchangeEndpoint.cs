using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CrmKit.Plugins.OneC.Export;
using CrmKit.Plugins.OneC.Import;
using CrmKit.Plugins.OneC.Model;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Http;
using CrmKit.Sdk.Integrations;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;
using CrmKit.Sdk.Settings;
using Microsoft.Extensions.Logging;

namespace CrmKit.Plugins.OneC.Exchange;

/// <summary>
/// The 1C "обмен с сайтом" protocol at <c>/api/ext/onec-exchange</c>, as an unmodified 1C (УТ, КА, ERP, УНФ) drives it:
/// <list type="bullet">
/// <item><c>type=sale|catalog&amp;mode=checkauth</c> with HTTP Basic → <c>success\nCRMKIT_1C\n&lt;session&gt;</c>;</item>
/// <item><c>mode=init</c> → <c>zip=no\nfile_limit=&lt;bytes&gt;\nversion=2.10</c>;</item>
/// <item><c>type=sale&amp;mode=query</c> → the orders changed since the last confirmed exchange, as CommerceML;</item>
/// <item><c>type=sale&amp;mode=success</c> → confirms them;</item>
/// <item><c>type=sale&amp;mode=file&amp;filename=…</c> (POST, whole or in parts) → imports statuses, payments and
/// counterparties from 1C once the last part arrived (a following <c>mode=import</c> is answered too);</item>
/// <item><c>type=catalog&amp;mode=file&amp;filename=…</c> (POST, in parts) then <c>mode=import&amp;filename=…</c> →
/// imports products (import.xml) and prices (offers.xml).</item>
/// </list>
/// Every other call, or a call out of order, is answered <c>failure\n&lt;reason&gt;</c> (status 200, as 1C reads the body).
/// It reads and writes as the configured service account.
/// </summary>
public sealed partial class ExchangeEndpoint(
    IModuleSettings settings, IServicePrincipalProvider principals, IRecordService records, TimeProvider time, IServiceProvider services,
    ILogger<ExchangeEndpoint> logger)
    : IHttpEndpoint
{
    private const string RootEndTag = "</КоммерческаяИнформация>";

    /// <summary>The endpoint's name: its address is <c>/api/ext/onec-exchange</c>.</summary>
    public const string Name = "onec-exchange";

    /// <inheritdoc />
    public HttpEndpointDescriptor Descriptor { get; } = new(Name, LocalizedText.Of("1C site exchange", "Обмен с сайтом для 1С"))
    {
        AllowAnonymous = true,
        MaxRequestBodyBytes = OneCSettings.MaxFileLimit,
    };

    /// <inheritdoc />
    public async Task HandleAsync(HttpEndpointContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var current = OneCSettings.Read(settings);
        var type = context.Query.GetValueOrDefault("type");
        var mode = context.Query.GetValueOrDefault("mode");
        try
        {
            if (current.Login is null || current.Password is null)
            {
                throw Failure("onec.not_configured", "The exchange is not configured: set login and password in the plugin's settings.",
                    "Обмен не настроен: задайте login и password в настройках плагина.");
            }

            if (type is not ("sale" or "catalog"))
            {
                throw Failure("onec.unknown_type", $"Unknown type '{type}': use type=sale or type=catalog.",
                    $"Неизвестный type '{type}': нужен type=sale или type=catalog.");
            }

            if (mode == "checkauth")
            {
                await CheckAuthAsync(context, current, cancellationToken);
                return;
            }

            var session = ExchangeSession.Verify(
                ExchangeSession.FromCookieHeader(context.Headers.GetValueOrDefault("Cookie")), current.Login, current.Password, time.GetUtcNow())
                ?? throw Failure("onec.not_authorized", "No valid session: call mode=checkauth first and send its cookie.",
                    "Нет действующего сеанса: сначала вызовите mode=checkauth и передавайте его cookie.");
            switch (mode, type)
            {
                case ("init", _):
                    // version= tells a 1C that asks (УТ 11.4+ sends its own version) which CommerceML version it gets.
                    await TextAsync(context, $"zip=no\nfile_limit={current.FileLimit}\nversion={current.SchemaVersion}\n", cancellationToken);
                    break;
                case ("query", "sale"):
                    await QueryAsync(context, current, cancellationToken);
                    break;
                case ("success", "sale"):
                    await ConfirmAsync(context, current, cancellationToken);
                    break;
                case ("file", "sale"):
                    await SaleFileAsync(context, current, session, cancellationToken);
                    break;
                case ("file", "catalog"):
                    await CatalogFileAsync(context, current, session, cancellationToken);
                    break;
                case ("import", "catalog"):
                    await CatalogImportAsync(context, current, session, cancellationToken);
                    break;
                case ("import", "sale"):
                    await SaleImportAsync(context, current, session, cancellationToken);
                    break;
                case ("deactivate" or "complete", "catalog"):
                    // Newer 1C versions close a full catalogue upload with these; CrmKit keeps products 1C left out.
                    await TextAsync(context, "success\n", cancellationToken);
                    break;
                default:
                    throw Failure("onec.unknown_mode", $"mode={mode} is not part of type={type} exchange.",
                        $"mode={mode} не входит в обмен type={type}.");
            }
        }
        catch (CrmException exception) when (!context.Response.HasStarted)
        {
            var ru = CultureInfo.GetCultureInfo("ru");
            var details = exception.Errors.Count == 0
                ? ""
                : " (" + string.Join("; ", exception.Errors.Take(3).Select(e => $"{e.Pointer} {e.Code}: {e.Message.Get(ru)}")) + ")";
            await TextAsync(context, "failure\n" + exception.Code + ": " + exception.Title.Get(ru) + details + "\n", cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !context.Response.HasStarted)
        {
            // 1C shows the answer's second line to its operator; the details go to the log only.
            LogFailure(logger, type, mode, exception);
            await TextAsync(context, "failure\nonec.internal_error: Внутренняя ошибка обмена; подробности в журнале сервера CrmKit.\n", cancellationToken);
        }
    }

    private async Task CheckAuthAsync(HttpEndpointContext context, OneCSettings current, CancellationToken cancellationToken)
    {
        if (!ExchangeSession.CheckBasic(context.Headers.GetValueOrDefault("Authorization"), current.Login!, current.Password!))
        {
            throw Failure("onec.invalid_credentials", "Wrong user name or password (HTTP Basic).", "Неверное имя пользователя или пароль (HTTP Basic).");
        }

        var token = ExchangeSession.Issue(current.Login!, current.Password!, time.GetUtcNow() + current.SessionLifetime);
        context.Response.SetHeader("Set-Cookie", $"{ExchangeSession.CookieName}={token}; Path=/; HttpOnly; SameSite=Strict");
        await TextAsync(context, $"success\n{ExchangeSession.CookieName}\n{token}\n", cancellationToken);
    }

    private async Task QueryAsync(HttpEndpointContext context, OneCSettings current, CancellationToken cancellationToken)
    {
        var principal = Principal(current);
        var log = new ExchangeLog(records, principal);
        var since = await log.LastConfirmedWatermarkAsync(cancellationToken);
        var watermark = time.GetUtcNow();
        var entry = await log.StartQueryAsync(since, watermark, cancellationToken);
        var filter = "updated_at lt " + Instant(watermark) + (since is { } from ? " and updated_at ge " + Instant(from) : "");
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/xml; charset=utf-8";
        var exporter = new CommerceMlExporter(records, settings, time);
        var result = await exporter.ExportAsync(new AccountingExportContext
        {
            Principal = principal,
            Entity = OneCEntities.Deal,
            Records = RecordStream.QueryAsync(records, principal, OneCEntities.Deal, filter, export: true, cancellationToken),
            Settings = new JsonObject { ["version"] = current.SchemaVersion },
            Services = services,
        }, context.Response.Body, cancellationToken);
        await log.RecordCountAsync(entry, result.ExportedCount, cancellationToken);
    }

    private async Task ConfirmAsync(HttpEndpointContext context, OneCSettings current, CancellationToken cancellationToken)
    {
        var log = new ExchangeLog(records, Principal(current));
        if (!await log.ConfirmAsync(cancellationToken))
        {
            throw Failure("onec.nothing_to_confirm", "mode=success without a mode=query before it: no orders are waiting for confirmation.",
                "mode=success без предшествующего mode=query: нет заказов, ожидающих подтверждения.");
        }

        await TextAsync(context, "success\n", cancellationToken);
    }

    // 1C sends a sale file whole when it fits file_limit, else in parts of exactly file_limit bytes and a shorter last
    // one; some versions follow with mode=import. The file is imported as soon as its last part arrived — a part
    // shorter than file_limit, or one that closes the root element — so both ways work, and a truncated file is
    // reported at once instead of waiting for parts that never come.
    private async Task SaleFileAsync(HttpEndpointContext context, OneCSettings current, string session, CancellationToken cancellationToken)
    {
        var (path, part) = await ReceiveAsync(context, current, session, append: true, cancellationToken);
        if (part < current.FileLimit || EndsWithRootEndTag(path))
        {
            await ImportStagedAsync(current, path, "sale_file", cancellationToken);
        }

        await TextAsync(context, "success\n", cancellationToken);
    }

    private async Task SaleImportAsync(HttpEndpointContext context, OneCSettings current, string session, CancellationToken cancellationToken)
    {
        // Nothing staged: the file was imported when its last part arrived.
        var path = StagedPath(current, session, FileName(context));
        if (File.Exists(path))
        {
            await ImportStagedAsync(current, path, "sale_file", cancellationToken);
        }

        await TextAsync(context, "success\n", cancellationToken);
    }

    private async Task ImportStagedAsync(OneCSettings current, string path, string kind, CancellationToken cancellationToken)
    {
        try
        {
            await ImportAsync(current, path, kind, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Whether the staged file ends with the root's end tag, in UTF-8 or windows-1251 (white space after it allowed).</summary>
    private static bool EndsWithRootEndTag(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var tail = new byte[Math.Min(file.Length, 512)];
        file.Seek(-tail.Length, SeekOrigin.End);
        file.ReadExactly(tail);
        var end = tail.AsSpan().TrimEnd(" \t\r\n"u8);
        return end.EndsWith(Encoding.UTF8.GetBytes(RootEndTag)) || end.EndsWith(CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetBytes(RootEndTag));
    }

    private static async Task CatalogFileAsync(HttpEndpointContext context, OneCSettings current, string session, CancellationToken cancellationToken)
    {
        await ReceiveAsync(context, current, session, append: true, cancellationToken);
        await TextAsync(context, "success\n", cancellationToken);
    }

    private async Task CatalogImportAsync(HttpEndpointContext context, OneCSettings current, string session, CancellationToken cancellationToken)
    {
        var path = StagedPath(current, session, FileName(context));
        if (!File.Exists(path))
        {
            throw Failure("onec.file_not_uploaded", "mode=import names a file that was not uploaded with mode=file in this session.",
                "mode=import указывает файл, который не был загружен через mode=file в этом сеансе.");
        }

        await ImportStagedAsync(current, path, "catalog_import", cancellationToken);
        await TextAsync(context, "success\n", cancellationToken);
    }

    private async Task ImportAsync(OneCSettings current, string path, string kind, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        var importer = new OneCImporter(records, (PendingImports)services.GetService(typeof(PendingImports))!);
        await importer.ImportAsync(Principal(current), file, Path.GetFileName(path), kind, current.MaxImportBytes, cancellationToken);
    }

    // Streams the body to the session's staging folder, appending for the parts of one file; refuses more than the limits.
    private static async Task<(string Path, long Part)> ReceiveAsync(
        HttpEndpointContext context, OneCSettings current, string session, bool append, CancellationToken cancellationToken)
    {
        if (context.Method != "POST")
        {
            throw Failure("onec.post_required", "mode=file sends the file in the body of a POST.", "mode=file передает файл в теле POST-запроса.");
        }

        var path = StagedPath(current, session, FileName(context));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
        var buffer = new byte[64 * 1024];
        long part = 0;
        int read;
        while ((read = await context.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            part += read;
            if (part > current.FileLimit || file.Length + read > current.MaxImportBytes)
            {
                file.Close();
                File.Delete(path);

                // Read the rest before answering: a server that answers while the client is still sending may reset the
                // connection, and 1C would see a network error instead of the reason. The host caps the body.
                while (await context.Body.ReadAsync(buffer, cancellationToken) > 0)
                {
                }

                throw Failure("onec.file_too_large", $"The file is larger than the limits (file_limit {current.FileLimit} bytes per part, maxImportMegabytes in total).",
                    $"Файл больше допустимого (file_limit {current.FileLimit} байт на часть, maxImportMegabytes всего).");
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return (path, part);
    }

    private static string FileName(HttpEndpointContext context)
    {
        var name = context.Query.GetValueOrDefault("filename")?.Replace('\\', '/');
        name = name is null ? null : name[(name.LastIndexOf('/') + 1)..];
        if (name is null || !SafeFileName().IsMatch(name))
        {
            throw Failure("onec.invalid_filename", "filename must be a plain file name (letters, digits, '.', '-', '_').",
                "filename должен быть простым именем файла (буквы, цифры, '.', '-', '_').");
        }

        return name;
    }

    private static string StagedPath(OneCSettings current, string session, string fileName) =>
        Path.Combine(current.StagingDirectory ?? Path.Combine(Path.GetTempPath(), "crmkit-onec"), session, fileName);

    private CrmPrincipal Principal(OneCSettings current) => principals.GetServicePrincipal(current.ServiceAccount, CrmChannel.Exchange);

    private static string Instant(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static async Task TextAsync(HttpEndpointContext context, string text, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
    }

    private static CrmException Failure(string code, string en, string ru) => new(CrmErrorKind.BadRequest, code, LocalizedText.Of(en, ru));

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "1C exchange call type={Type} mode={Mode} failed.")]
    private static partial void LogFailure(ILogger logger, string? type, string? mode, Exception exception);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex SafeFileName();
}
