using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Kasify.Application.Ses;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kasify.Infrastructure.Ses;

/// <summary>
/// SOAP client for SES.HOSPEDAJES. No retries here: an alta is not idempotent, so retrying is left to the
/// calling job, which knows whether a batch was already obtained. Logs carry codes and lotes only.
/// </summary>
internal sealed class SesClient(HttpClient http, IOptions<SesOptions> options, TimeProvider timeProvider, ILogger<SesClient> logger)
    : ISesClient
{
    private const string CredentialCheckCatalogue = "TIPO_DOCUMENTO";

    public async Task<SesSubmitResult> SubmitTravellerReportAsync(
        SesCredentials credentials, SesTravellerReport report, CancellationToken cancellationToken)
    {
        var solicitud = SesSolicitudPacker.Pack(SesTravellerReportXmlBuilder.Build(report));
        var envelope = SesSoapRequestBuilder.Comunicacion(credentials.LandlordCode, "A", "PV", solicitud);
        var respuesta = SesRespuesta.Read(await PostAsync(credentials, envelope, cancellationToken));

        if (respuesta.IsOk)
        {
            var lote = respuesta.Lote;
            if (string.IsNullOrEmpty(lote))
            {
                throw new SesException(SesErrorKind.Rejected, "SES accepted the report but returned no lote");
            }

            logger.LogInformation("SES accepted a traveller report as lote {Lote}", lote);
            return new SesSubmitResult.Accepted(lote);
        }

        logger.LogWarning("SES answered codigoRetorno {ReturnCode} to a traveller report", respuesta.ReturnCode);
        if (respuesta.IsTransient)
        {
            throw respuesta.ToException();
        }

        return new SesSubmitResult.Rejected(respuesta.ReturnCode, respuesta.Description);
    }

    public async Task CancelBatchAsync(SesCredentials credentials, string batchId, CancellationToken cancellationToken)
    {
        var solicitud = SesSolicitudPacker.Pack(SesSoapRequestBuilder.BatchCancellation(batchId));
        var envelope = SesSoapRequestBuilder.Comunicacion(credentials.LandlordCode, "B", "PV", solicitud);
        var respuesta = SesRespuesta.Read(await PostAsync(credentials, envelope, cancellationToken));
        if (!respuesta.IsOk)
        {
            logger.LogWarning("SES answered codigoRetorno {ReturnCode} to the anulación of lote {Lote}", respuesta.ReturnCode, batchId);
            throw respuesta.ToException();
        }

        logger.LogInformation("SES cancelled lote {Lote}", batchId);
    }

    public async Task<SesBatchStatus> GetBatchStatusAsync(SesCredentials credentials, string batchId, CancellationToken cancellationToken)
    {
        // The one public client that queries lotes sends no tipoComunicacion with tipoOperacion C.
        var solicitud = SesSolicitudPacker.Pack(SesSoapRequestBuilder.BatchQuery(batchId));
        var envelope = SesSoapRequestBuilder.Comunicacion(credentials.LandlordCode, "C", null, solicitud);
        var body = await PostAsync(credentials, envelope, cancellationToken);
        var respuesta = SesRespuesta.Read(body);
        if (!respuesta.IsOk)
        {
            logger.LogWarning("SES answered codigoRetorno {ReturnCode} to a query for lote {Lote}", respuesta.ReturnCode, batchId);
            throw respuesta.ToException();
        }

        return SesBatchStatusReader.Read(body, batchId);
    }

    public async Task ValidateCredentialsAsync(SesCredentials credentials, CancellationToken cancellationToken)
    {
        var body = await PostAsync(credentials, SesSoapRequestBuilder.Catalogue(CredentialCheckCatalogue), cancellationToken);
        if (SesRespuesta.TryRead(body) is { IsOk: false } respuesta)
        {
            throw respuesta.ToException();
        }
    }

    private async Task<XDocument> PostAsync(SesCredentials credentials, XDocument envelope, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(settings, credentials.Environment))
        {
            Content = new StringContent(envelope.ToString(SaveOptions.DisableFormatting), Encoding.UTF8, "text/xml"),
        };
        request.Headers.Authorization = BasicAuthorization(credentials);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(settings.TimeoutSeconds), timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            ThrowOnHttpFailure(response.StatusCode);
            var body = await response.Content.ReadAsStringAsync(linked.Token);
            return XDocument.Parse(body);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new SesException(SesErrorKind.OutcomeUnknown, $"SES did not answer within {settings.TimeoutSeconds} s");
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                                                         or HttpRequestError.SecureConnectionError)
        {
            throw new SesException(SesErrorKind.Transient, $"SES could not be reached ({exception.HttpRequestError})", exception);
        }
        catch (HttpRequestException exception)
        {
            // The request may have been read and acted on before the answer got lost.
            throw new SesException(SesErrorKind.OutcomeUnknown, $"SES's answer was lost ({exception.HttpRequestError})", exception);
        }
        catch (XmlException exception)
        {
            throw new SesException(SesErrorKind.Rejected, "SES answered with malformed XML", exception);
        }
    }

    private static void ThrowOnHttpFailure(HttpStatusCode status)
    {
        var code = (int)status;
        if (status == HttpStatusCode.Unauthorized)
        {
            throw new SesException(SesErrorKind.Unauthorized, "SES refused the web-service user or password (HTTP 401)");
        }

        if (code >= 500)
        {
            throw new SesException(SesErrorKind.Transient, $"SES answered HTTP {code}");
        }

        if (code >= 300)
        {
            throw new SesException(SesErrorKind.Rejected, $"SES answered HTTP {code}");
        }
    }

    private static Uri Endpoint(SesOptions settings, SesEnvironment environment) =>
        new(environment == SesEnvironment.Production ? settings.ProductionUrl : settings.TestUrl);

    private static AuthenticationHeaderValue BasicAuthorization(SesCredentials credentials) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")));
}
