-- campaign.success_rate
SELECT (CAST(count(*) FILTER (WHERE lower(trim(t.result)) IN ('success', 'successful', 'succeeded')) AS DOUBLE)) / nullif(count(t.result), 0) AS value FROM (SELECT t.* FROM "clean"."campaigns" t WHERE t.sent_at >= CAST('2024-01-01' AS DATE) AND t.sent_at < CAST('2024-03-31' AS DATE) + INTERVAL 1 DAY AND t.channel = 'web' AND t.customer_id IN (SELECT customer_id FROM "clean"."customers" WHERE segment = 'vip')) t;

-- campaign.success_rate.by_campaign
SELECT t.campaign, CAST(count(*) AS DOUBLE) AS activities, (CAST(count(*) FILTER (WHERE lower(trim(t.result)) IN ('success', 'successful', 'succeeded')) AS DOUBLE)) / nullif(count(t.result), 0) AS success_rate FROM (SELECT t.* FROM "clean"."campaigns" t WHERE t.sent_at >= CAST('2024-01-01' AS DATE) AND t.sent_at < CAST('2024-03-31' AS DATE) + INTERVAL 1 DAY AND t.channel = 'web' AND t.customer_id IN (SELECT customer_id FROM "clean"."customers" WHERE segment = 'vip')) t GROUP BY t.campaign ORDER BY t.campaign NULLS LAST;

-- campaign.success_rate.by_channel
SELECT t.channel, CAST(count(*) AS DOUBLE) AS activities, (CAST(count(*) FILTER (WHERE lower(trim(t.result)) IN ('success', 'successful', 'succeeded')) AS DOUBLE)) / nullif(count(t.result), 0) AS success_rate FROM (SELECT t.* FROM "clean"."campaigns" t WHERE t.sent_at >= CAST('2024-01-01' AS DATE) AND t.sent_at < CAST('2024-03-31' AS DATE) + INTERVAL 1 DAY AND t.channel = 'web' AND t.customer_id IN (SELECT customer_id FROM "clean"."customers" WHERE segment = 'vip')) t GROUP BY t.channel ORDER BY t.channel NULLS LAST;

-- campaign.conversion
SELECT (CAST(count(*) FILTER (WHERE t.converted) AS DOUBLE)) / nullif(count(t.converted), 0) AS value FROM (SELECT t.* FROM "clean"."campaigns" t WHERE t.sent_at >= CAST('2024-01-01' AS DATE) AND t.sent_at < CAST('2024-03-31' AS DATE) + INTERVAL 1 DAY AND t.channel = 'web' AND t.customer_id IN (SELECT customer_id FROM "clean"."customers" WHERE segment = 'vip')) t;

-- campaign.conversion.by_campaign
SELECT t.campaign, CAST(count(*) AS DOUBLE) AS activities, (CAST(count(*) FILTER (WHERE t.converted) AS DOUBLE)) / nullif(count(t.converted), 0) AS conversion FROM (SELECT t.* FROM "clean"."campaigns" t WHERE t.sent_at >= CAST('2024-01-01' AS DATE) AND t.sent_at < CAST('2024-03-31' AS DATE) + INTERVAL 1 DAY AND t.channel = 'web' AND t.customer_id IN (SELECT customer_id FROM "clean"."customers" WHERE segment = 'vip')) t GROUP BY t.campaign ORDER BY t.campaign NULLS LAST;

-- campaign.conversion.by_channel
SELECT t.channel, CAST(count(*) AS DOUBLE) AS activities, (CAST(count(*) FILTER (WHERE t.converted) AS DOUBLE)) / nullif(count(t.converted), 0) AS conversion FROM (SELECT t.* FROM "clean"."campaigns" t WHERE t.sent_at >= CAST('2024-01-01' AS DATE) AND t.sent_at < CAST('2024-03-31' AS DATE) + INTERVAL 1 DAY AND t.channel = 'web' AND t.customer_id IN (SELECT customer_id FROM "clean"."customers" WHERE segment = 'vip')) t GROUP BY t.channel ORDER BY t.channel NULLS LAST;

-- campaign.roi
SELECT (coalesce(sum(t.revenue), 0) - sum(t.cost)) / nullif(sum(t.cost), 0) AS value FROM (SELECT t.* FROM "clean"."campaigns" t WHERE t.sent_at >= CAST('2024-01-01' AS DATE) AND t.sent_at < CAST('2024-03-31' AS DATE) + INTERVAL 1 DAY AND t.channel = 'web' AND t.customer_id IN (SELECT customer_id FROM "clean"."customers" WHERE segment = 'vip')) t;

-- campaign.roi.by_campaign
SELECT t.campaign, CAST(count(*) AS DOUBLE) AS activities, (coalesce(sum(t.revenue), 0) - sum(t.cost)) / nullif(sum(t.cost), 0) AS roi FROM (SELECT t.* FROM "clean"."campaigns" t WHERE t.sent_at >= CAST('2024-01-01' AS DATE) AND t.sent_at < CAST('2024-03-31' AS DATE) + INTERVAL 1 DAY AND t.channel = 'web' AND t.customer_id IN (SELECT customer_id FROM "clean"."customers" WHERE segment = 'vip')) t GROUP BY t.campaign ORDER BY t.campaign NULLS LAST;

-- campaign.roi.by_channel
SELECT t.channel, CAST(count(*) AS DOUBLE) AS activities, (coalesce(sum(t.revenue), 0) - sum(t.cost)) / nullif(sum(t.cost), 0) AS roi FROM (SELECT t.* FROM "clean"."campaigns" t WHERE t.sent_at >= CAST('2024-01-01' AS DATE) AND t.sent_at < CAST('2024-03-31' AS DATE) + INTERVAL 1 DAY AND t.channel = 'web' AND t.customer_id IN (SELECT customer_id FROM "clean"."customers" WHERE segment = 'vip')) t GROUP BY t.channel ORDER BY t.channel NULLS LAST;
