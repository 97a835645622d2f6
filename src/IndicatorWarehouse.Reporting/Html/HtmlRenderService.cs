using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IndicatorWarehouse.Reporting.Html;

/// <summary>Renders Razor components to HTML strings with a reused <see cref="HtmlRenderer"/>; safe to call concurrently.</summary>
public sealed class HtmlRenderService : IAsyncDisposable
{
    // HtmlRenderer keeps every root component it has rendered until it is disposed (~200 KB per gallery page,
    // measured), so a long batch would grow without bound; a fresh renderer every so many pages keeps memory flat.
    private const int RendersPerRenderer = 50;

    private readonly ServiceProvider services;
    private readonly SemaphoreSlim gate = new(1, 1);
    private HtmlRenderer renderer;
    private int renders;

    public HtmlRenderService()
    {
        // The default encoder writes every letter outside Basic Latin as an entity (Tây → T&#xE2;y); markup characters
        // stay escaped either way, and readable Vietnamese keeps the HTML greppable and half the size.
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
            .BuildServiceProvider();
        renderer = NewRenderer();
    }

    public Task<string> RenderAsync<TComponent>(IReadOnlyDictionary<string, object?>? parameters = null) where TComponent : IComponent =>
        RenderAsync(typeof(TComponent), parameters);

    /// <summary>The component's HTML; text in parameters is HTML-escaped unless passed as a <see cref="MarkupString"/>.</summary>
    public async Task<string> RenderAsync(Type componentType, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        var view = parameters is null
            ? ParameterView.Empty
            : ParameterView.FromDictionary(parameters.ToDictionary(p => p.Key, p => p.Value));
        // Rendering is synchronous CPU work of about a millisecond; one at a time costs nothing and makes replacing the renderer safe.
        await gate.WaitAsync();
        try
        {
            if (++renders > RendersPerRenderer)
            {
                await renderer.DisposeAsync();
                renderer = NewRenderer();
                renders = 1;
            }
            var current = renderer;
            return await current.Dispatcher.InvokeAsync(async () =>
                (await current.RenderComponentAsync(componentType, view)).ToHtmlString());
        }
        finally
        {
            gate.Release();
        }
    }

    private HtmlRenderer NewRenderer() => new(services, services.GetRequiredService<ILoggerFactory>());

    public async ValueTask DisposeAsync()
    {
        await renderer.DisposeAsync();
        await services.DisposeAsync();
        gate.Dispose();
    }
}
