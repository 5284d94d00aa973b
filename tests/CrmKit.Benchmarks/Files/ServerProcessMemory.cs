using System.Globalization;

namespace CrmKit.Benchmarks.Files;

/// <summary>
/// The resident memory of a Linux process from <c>/proc/&lt;pid&gt;/status</c>: the current RSS (<c>VmRSS</c>) and
/// its high-water mark (<c>VmHWM</c>), which writing <c>5</c> to <c>/proc/&lt;pid&gt;/clear_refs</c> resets, so that a
/// peak can be taken over one phase.
/// </summary>
internal sealed class ServerProcessMemory(int pid)
{
    public static bool IsSupported => File.Exists("/proc/self/status");

    /// <summary>The current resident set, in bytes.</summary>
    public long Resident => Read("VmRSS:");

    /// <summary>
    /// The private part of the resident set (<c>RssAnon</c>: heaps, stacks, buffers), in bytes, without the mapped
    /// files (the runtime's and the framework's assemblies, shared with every .NET process) and shared memory.
    /// </summary>
    public long Private => Read("RssAnon:");

    /// <summary>The highest resident set since the start or the last <see cref="ResetPeak"/>, in bytes.</summary>
    public long Peak => Read("VmHWM:");

    /// <summary>Starts a new peak at the current resident set; false when the kernel refuses.</summary>
    public bool ResetPeak()
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Samples <see cref="Private"/> every few milliseconds until disposed; the kernel keeps no high-water mark of it.
    /// </summary>
    public PrivatePeakSampler SamplePrivatePeak() => new(this);

    private long Read(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var kb = line[field.Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"/proc/{pid}/status has no {field}");
    }
}

/// <summary>The highest <see cref="ServerProcessMemory.Private"/> seen while it runs (sampled every 5 ms).</summary>
internal sealed class PrivatePeakSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peak;

    public PrivatePeakSampler(ServerProcessMemory memory)
    {
        _peak = memory.Private;
        _sampling = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                _peak = Math.Max(_peak, memory.Private);
                try
                {
                    await Task.Delay(5, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            _peak = Math.Max(_peak, memory.Private);
        });
    }

    /// <summary>The peak, once disposed.</summary>
    public long Peak => _peak;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
