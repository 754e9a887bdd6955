export default function InsightsOverviewPage() {
  return (
    <>
      <h1 id="page-title">Insights</h1>
      <p>Satisfaction by department, by the department that serves them, and over time.</p>
    </>
  );
}
