using System.Net;
using CrmKit.Plugins.Egrul.Settings;
using CrmKit.Sdk.Settings;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace CrmKit.Plugins.Egrul.DaData;

/// <summary>
/// The resilience pipeline of the DaData client, outermost first: a timeout of the whole lookup, retries with
/// exponential backoff and jitter on 5xx, 408, 429, timeouts and connection failures (a 429's or 503's Retry-After is
/// honoured up to <c>maxRetryAfterSeconds</c>), a circuit breaker that stops calling DaData for
/// <c>breakDurationSeconds</c> once at least half of the last calls (5 or more in 30 seconds) failed, and a timeout
/// of each attempt. Timeouts, retry counts, delays and the break duration are read from the settings at each use.
/// </summary>
internal static class DaDataResilience
{
    /// <summary>Calls in the sampling window before the breaker may open.</summary>
    public const int BreakerMinimumThroughput = 5;

    /// <summary>The share of failed calls in the window that opens the breaker.</summary>
    public const double BreakerFailureRatio = 0.5;

    /// <summary>The window the breaker counts calls in.</summary>
    public static readonly TimeSpan BreakerSamplingDuration = TimeSpan.FromSeconds(30);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, IModuleSettings moduleSettings)
    {
        EgrulSettings Current() => EgrulSettings.Read(moduleSettings);

        pipeline.AddTimeout(new HttpTimeoutStrategyOptions
        {
            Name = "total-timeout",
            TimeoutGenerator = _ => ValueTask.FromResult(Current().TotalTimeout),
        });
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            Name = "retry",
            MaxRetryAttempts = int.MaxValue,
            ShouldRetryAfterHeader = false,
            ShouldHandle = args =>
            {
                var settings = Current();
                var retry = args.AttemptNumber < settings.MaxRetries &&
                            HttpClientResiliencePredicates.IsTransient(args.Outcome) &&
                            !(RetryAfter(args.Outcome.Result) > settings.MaxRetryAfter);
                return ValueTask.FromResult(retry);
            },
            DelayGenerator = args =>
            {
                if (RetryAfter(args.Outcome.Result) is { } retryAfter)
                {
                    return ValueTask.FromResult<TimeSpan?>(retryAfter);
                }

                // Full exponential backoff with jitter: between half and all of base × 2^attempt.
                var ceiling = Current().RetryBaseDelay * Math.Pow(2, args.AttemptNumber);
                return ValueTask.FromResult<TimeSpan?>(ceiling * (0.5 + (Random.Shared.NextDouble() / 2)));
            },
        });
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            Name = "circuit-breaker",
            FailureRatio = BreakerFailureRatio,
            MinimumThroughput = BreakerMinimumThroughput,
            SamplingDuration = BreakerSamplingDuration,
            BreakDurationGenerator = _ => ValueTask.FromResult(Current().BreakDuration),
        });
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions
        {
            Name = "attempt-timeout",
            TimeoutGenerator = _ => ValueTask.FromResult(Current().AttemptTimeout),
        });
    }

    /// <summary>The Retry-After of a 429 or 503 answer, as a delay from now.</summary>
    /// <param name="response">The answer, if any.</param>
    /// <returns>The delay, or null when the answer has none.</returns>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        if (response is null || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) ||
            response.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var delay = date - DateTimeOffset.UtcNow;
            return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
        }

        return null;
    }
}
