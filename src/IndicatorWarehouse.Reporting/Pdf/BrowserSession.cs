using Microsoft.Playwright;

namespace IndicatorWarehouse.Reporting.Pdf;

/// <summary>
/// One launched browser and its idle pages. It leases out a fixed number of documents, then retires;
/// a retired browser closes when its last page comes back, so renders in flight are never cut off.
/// </summary>
internal sealed class BrowserSession(IBrowser browser, int documentLimit, TimeSpan timeout)
{
    private readonly Lock sync = new();
    private readonly Stack<IPage> idle = new();
    private int issued;
    private int inFlight;
    private bool retired;
    private bool closed;

    /// <summary>Reserves one document on this browser; false once it has printed its share or has died.</summary>
    public bool TryLease()
    {
        lock (sync)
        {
            if (retired || issued >= documentLimit || !browser.IsConnected)
            {
                retired = true;
                return false;
            }
            issued++;
            inFlight++;
            return true;
        }
    }

    /// <summary>An idle page, or a new one; only after <see cref="TryLease"/>.</summary>
    public async Task<IPage> TakePageAsync()
    {
        lock (sync)
        {
            if (idle.TryPop(out var page)) return page;
        }
        var created = await browser.NewPageAsync();
        created.SetDefaultTimeout((float)timeout.TotalMilliseconds);
        return created;
    }

    /// <summary>Ends a lease; a page that failed or was cancelled is closed rather than reused.</summary>
    public async Task ReturnAsync(IPage? page, bool reusable)
    {
        bool closeBrowser;
        lock (sync)
        {
            inFlight--;
            if (page is not null && reusable && !retired)
            {
                idle.Push(page);
                page = null;
            }
            closeBrowser = retired && inFlight == 0 && !closed;
            closed |= closeBrowser;
        }
        if (page is not null) await Quietly(() => page.CloseAsync());
        if (closeBrowser) await Quietly(() => browser.CloseAsync());
    }

    /// <summary>Takes no more leases; closes now if nothing is printing, otherwise when the last page returns.</summary>
    public async Task RetireAsync()
    {
        bool closeNow;
        lock (sync)
        {
            retired = true;
            closeNow = inFlight == 0 && !closed;
            closed |= closeNow;
        }
        if (closeNow) await Quietly(() => browser.CloseAsync());
    }

    /// <summary>Closes the browser whatever is in flight (the renderer is being disposed).</summary>
    public async Task CloseAsync()
    {
        lock (sync)
        {
            if (closed) return;
            retired = closed = true;
        }
        await Quietly(() => browser.CloseAsync());
    }

    /// <summary>A page or browser that is already gone cannot be closed again; that is not an error worth reporting.</summary>
    internal static async Task Quietly(Func<Task> close)
    {
        try
        {
            await close();
        }
        catch (PlaywrightException)
        {
        }
    }
}
