import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
(async () => {
  for (const maxAttempts of [1, 3]) {
    const c = new IAMClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:5011', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts });
    const times: number[] = [];
    for (let i = 0; i < 12; i++) { const t = performance.now(); try { await c.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: 'arn:aws:iam::123456789012:role/x', ActionNames: ['s3:GetObject'] })); } catch (e) { } times.push(performance.now() - t); }
    console.log(maxAttempts, times.map(t => t.toFixed(0)).join(' '));
  }
})();
