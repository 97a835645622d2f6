using System.Net;
using System.Net.Mail;
using System.Text;

namespace IndicatorWarehouse.Application.Alerts;

/// <summary>Where the digest goes: an SMTP relay of the organisation, the sender and the recipients.
/// The password is read from the environment variable named in <see cref="PasswordEnv"/>, never from a file.</summary>
public sealed record SmtpSettings(string Host, int Port, string From, IReadOnlyList<string> Recipients,
    bool EnableSsl = false, string? User = null, string? PasswordEnv = null);

/// <summary>Sends the alert digest by SMTP.</summary>
public sealed class AlertMailer(SmtpSettings settings)
{
    public async Task SendAsync(string subject, string body, CancellationToken ct = default)
    {
        if (settings.Recipients.Count == 0) throw new InvalidOperationException("No alert recipients are configured.");
        using var message = new MailMessage
        {
            From = new MailAddress(settings.From), Subject = subject, Body = body,
            SubjectEncoding = Encoding.UTF8, BodyEncoding = Encoding.UTF8, IsBodyHtml = false,
        };
        foreach (var to in settings.Recipients) message.To.Add(to);
        using var client = new SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.EnableSsl };
        if (settings.User is not null)
            client.Credentials = new NetworkCredential(settings.User, Environment.GetEnvironmentVariable(settings.PasswordEnv ?? "") ?? "");
        await client.SendMailAsync(message, ct);
    }
}
