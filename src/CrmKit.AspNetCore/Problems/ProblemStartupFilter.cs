using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace CrmKit.AspNetCore.Problems;

/// <summary>Puts <see cref="ProblemMiddleware"/> in front of the host's pipeline.</summary>
internal sealed class ProblemStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<ProblemMiddleware>();
        next(app);
    };
}
