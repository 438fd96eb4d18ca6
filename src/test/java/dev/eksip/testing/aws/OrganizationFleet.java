package dev.eksip.testing.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An AWS Organization seeded into moto (multi-account: keys from {@code sts:AssumeRole} act in the role's account):
 * {@code accounts} member accounts created with {@code CreateAccount} (moto picks their ids), and in each of them and
 * each region a small fleet — a VPC, one /24 subnet, cluster {@code c-<region>} with managed node group {@code ng}
 * (m5.large, 1/1/3) and its one running node. Organizations is driven with plain JSON 1.1 requests (the SDK's
 * organizations module is not available here; moto does not check signatures).
 *
 * @param accounts the member accounts, in creation order
 */
public record OrganizationFleet(List<String> accounts) {
    public static final String ROLE = "eks-ip-forecaster-reader";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static OrganizationFleet seed(MotoServer moto, int members, List<String> regions) {
        organizations(moto, "CreateOrganization", "{\"FeatureSet\":\"ALL\"}");
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < members; i++)
            accounts.add(organizations(moto, "CreateAccount",
                    "{\"Email\":\"m%d@example.com\",\"AccountName\":\"member-%d\"}".formatted(i, i))
                    .path("CreateAccountStatus").path("AccountId").asText());
        try (StsClient sts = moto.client(StsClient.builder());
             var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<?>> seeded = new ArrayList<>();
            int n = 0;
            for (String account : accounts) {
                Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::%s:role/%s".formatted(account, ROLE))
                        .roleSessionName("seed")).credentials();
                StaticCredentialsProvider keys = StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
                for (String region : regions) {
                    int index = n++;
                    seeded.add(pool.submit(() -> fleet(moto, keys, region, index)));
                }
            }
            for (var f : seeded) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("seeding the organization failed", e.getCause());
        }
        return new OrganizationFleet(accounts);
    }

    /** Closes {@code account}: Organizations then lists it {@code SUSPENDED}. */
    public static void close(MotoServer moto, String account) {
        organizations(moto, "CloseAccount", "{\"AccountId\":\"%s\"}".formatted(account));
    }

    private static void fleet(MotoServer moto, StaticCredentialsProvider keys, String region, int n) {
        Region r = Region.of(region);
        try (Ec2Client ec2 = moto.configure(Ec2Client.builder()).credentialsProvider(keys).region(r).build();
             EksClient eks = moto.configure(EksClient.builder()).credentialsProvider(keys).region(r).build()) {
            String vpc = ec2.createVpc(v -> v.cidrBlock("10.%d.0.0/16".formatted(n % 250))).vpc().vpcId();
            String subnet = ec2.createSubnet(s -> s.vpcId(vpc).cidrBlock("10.%d.0.0/24".formatted(n % 250))
                    .availabilityZone(region + "a")).subnet().subnetId();
            String cluster = "c-" + region;
            String role = "arn:aws:iam::123456789012:role/eks";
            eks.createCluster(c -> c.name(cluster).roleArn(role).version("1.31")
                    .resourcesVpcConfig(v -> v.subnetIds(subnet)));
            eks.createNodegroup(g -> g.clusterName(cluster).nodegroupName("ng").nodeRole(role).subnets(subnet)
                    .instanceTypes("m5.large").scalingConfig(s -> s.minSize(1).desiredSize(1).maxSize(3)));
            ec2.runInstances(i -> i.imageId("ami-12345678").minCount(1).maxCount(1)
                    .instanceType(InstanceType.M5_LARGE).subnetId(subnet)
                    .tagSpecifications(SeededAccount.tags(ResourceType.INSTANCE, Map.of(
                            "eks:cluster-name", cluster, "eks:nodegroup-name", "ng",
                            "kubernetes.io/cluster/" + cluster, "owned"))));
        }
    }

    static JsonNode organizations(MotoServer moto, String operation, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(moto.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSOrganizationsV20161128." + operation)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/organizations/"
                        + "aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300)
                throw new IllegalStateException("moto organizations %s: HTTP %d %s".formatted(operation,
                        response.statusCode(), response.body()));
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
