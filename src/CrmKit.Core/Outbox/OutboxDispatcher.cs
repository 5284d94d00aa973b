using System.Text.Json.Nodes;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Errors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmKit.Core.Outbox;

/// <summary>
/// Runs the outbox: claims due jobs in batches under a lease, runs each with the <see cref="IOutboxJobHandler"/> of
/// its kind (up to <see cref="OutboxOptions.Concurrency"/> at a time), then completes them, schedules a retry with
/// backoff, or dead-letters them after their last attempt — all outcomes of a batch in one transaction.
/// </summary>
public sealed partial class OutboxDispatcher : BackgroundService
{
    private const int MaxErrorLength = 4000;

    private readonly ICrmStore _store;
    private readonly IServiceProvider _services;
    private readonly IServiceScopeFactory _scopes;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly OutboxSignal _signal;
    private readonly string _owner = Environment.MachineName + ":" + Environment.ProcessId + ":" + Guid.NewGuid().ToString("N")[..8];
    private Dictionary<string, IOutboxJobHandler>? _handlers;

    /// <summary>Creates the dispatcher.</summary>
    /// <param name="store">The store.</param>
    /// <param name="services">The services (handlers are resolved from here, a scope is made per attempt).</param>
    /// <param name="options">The options.</param>
    /// <param name="clock">The clock.</param>
    public OutboxDispatcher(ICrmStore store, IServiceProvider services, IOptions<OutboxOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _services = services;
        _scopes = services.GetRequiredService<IServiceScopeFactory>();
        _options = options.Value;
        _clock = clock;
        _logger = services.GetService<ILogger<OutboxDispatcher>>() ?? NullLogger<OutboxDispatcher>.Instance;
        _signal = services.GetRequiredService<OutboxSignal>();
    }

    /// <summary>
    /// Runs due jobs until none is due now (also when <see cref="OutboxOptions.Enabled"/> is off: tests, tools and
    /// benchmarks drive the outbox with it).
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many attempts ran.</returns>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int count;
        while ((count = await DispatchBatchAsync(cancellationToken)) > 0)
        {
            total += count;
        }

        return total;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchBatchAsync(stoppingToken) >= _options.BatchSize)
                {
                    continue;
                }

                await _signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                // The host is being torn down around us.
                return;
            }
            catch (Exception e)
            {
                // The store is unavailable (locked, I/O): the claimed jobs' leases expire and they are run again.
                LogDispatchFailed(e);
                await Task.Delay(_options.PollInterval, _clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Claims one batch, runs it and records the outcomes.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many jobs were claimed.</returns>
    internal async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        IReadOnlyList<OutboxJob> jobs;
        await using (var session = await _store.BeginAsync(write: true, cancellationToken))
        {
            jobs = await session.ClaimOutboxJobsAsync(_owner, now, now + _options.LeaseDuration, _options.BatchSize, cancellationToken);
            await session.CommitAsync(cancellationToken);
        }

        if (jobs.Count == 0)
        {
            return 0;
        }

        var outcomes = new Outcome[jobs.Count];
        if (_options.Concurrency <= 1 || jobs.Count == 1)
        {
            for (var i = 0; i < jobs.Count; i++)
            {
                outcomes[i] = await RunAsync(jobs[i], cancellationToken);
            }
        }
        else
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(Enumerable.Range(0, jobs.Count), parallel, async (i, ct) => outcomes[i] = await RunAsync(jobs[i], ct));
        }

        await RecordAsync(jobs, outcomes, cancellationToken);
        return jobs.Count;
    }

    private async Task<Outcome> RunAsync(OutboxJob job, CancellationToken cancellationToken)
    {
        var handlers = _handlers ??= _services.GetServices<IOutboxJobHandler>()
            .GroupBy(h => h.Kind, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        if (!handlers.TryGetValue(job.Kind, out var handler))
        {
            return Outcome.Failed(OutboxMessages.Text(OutboxErrorCodes.NoHandler, job.Kind).ToString(), null);
        }

        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var context = new OutboxJobContext
            {
                Id = job.Id,
                Kind = job.Kind,
                Payload = JsonNode.Parse(job.Payload)!.AsObject(),
                IdempotencyKey = job.IdempotencyKey,
                Attempt = job.Attempts,
                MaxAttempts = job.MaxAttempts,
                CorrelationId = job.CorrelationId,
                CreatedAt = job.CreatedAt,
                Services = scope.ServiceProvider,
            };
            await handler.HandleAsync(context, cancellationToken);
            return Outcome.Done(context.Note);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Outcome.Cancelled;
        }
        catch (Exception e)
        {
            LogJobFailed(e, job.Kind, job.Id, job.Attempts, job.MaxAttempts);
            return Outcome.Failed(Describe(e), (e as OutboxRetryException)?.RetryAfter);
        }
    }

    private async Task RecordAsync(IReadOnlyList<OutboxJob> jobs, Outcome[] outcomes, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();

        // The outcomes are written even when stopping: a job that ran must not run again because the host was
        // shutting down. Jobs cancelled mid-way go back to the queue, due now.
        await using var session = await _store.BeginAsync(write: true, CancellationToken.None);
        for (var i = 0; i < jobs.Count; i++)
        {
            var job = jobs[i];
            var outcome = outcomes[i];
            if (outcome.Kind == OutcomeKind.Done)
            {
                await session.CompleteOutboxJobAsync(job.Id, _owner, now, outcome.Text, CancellationToken.None);
                continue;
            }

            DateTimeOffset? retryAt = outcome.Kind == OutcomeKind.Cancelled ? now
                : job.Attempts >= job.MaxAttempts ? null
                : now + (outcome.RetryAfter ?? OutboxBackoff.Delay(job.Attempts, _options.BaseDelay, _options.MaxDelay, Random.Shared));
            await session.FailOutboxJobAsync(job.Id, _owner, outcome.Text ?? "cancelled", retryAt, now, CancellationToken.None);
            if (retryAt is null)
            {
                LogJobDead(job.Kind, job.Id, job.Attempts, outcome.Text);
            }
        }

        await session.CommitAsync(CancellationToken.None);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static string Describe(Exception e)
    {
        var text = e is CrmException crm ? crm.Code + ": " + crm.Message : e.GetType().FullName + ": " + e.Message;
        return text.Length > MaxErrorLength ? text[..MaxErrorLength] : text;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Outbox job {Kind} {Id} failed attempt {Attempt} of {MaxAttempts}")]
    private partial void LogJobFailed(Exception exception, string kind, Guid id, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Outbox job {Kind} {Id} is dead after {Attempts} attempts: {Error}")]
    private partial void LogJobDead(string kind, Guid id, int attempts, string? error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "The outbox dispatcher failed; it retries after its poll interval")]
    private partial void LogDispatchFailed(Exception exception);

    private enum OutcomeKind
    {
        Done,
        Failed,
        Cancelled,
    }

    private readonly record struct Outcome(OutcomeKind Kind, string? Text, TimeSpan? RetryAfter)
    {
        public static Outcome Cancelled => new(OutcomeKind.Cancelled, null, null);

        public static Outcome Done(string? note) => new(OutcomeKind.Done, note, null);

        public static Outcome Failed(string error, TimeSpan? retryAfter) => new(OutcomeKind.Failed, error, retryAfter);
    }
}
